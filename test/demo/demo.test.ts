import { describe, it, expect } from "vitest";
import { BUREAUS } from "../../src/core/contracts/bureaus";
import { ISSUES } from "../../src/core/contracts/issues";
import { REFORMS } from "../../src/core/contracts/reforms";
import { fiscalYearOfDate } from "../../src/core/base/fiscal-year";
import { demoWorkbook } from "../../src/demo";

type Row = Record<string, unknown>;

/** Data rows as objects keyed by header. */
function records(sheet: unknown[][]): Row[] {
  const [header, ...rows] = sheet;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

function count<T>(items: T[], pred: (item: T) => boolean): number {
  return items.filter(pred).length;
}

const book = demoWorkbook();
const issues = records(book.課題);
const reforms = records(book.局区改革);
const bureaus = records(book.局区);
// R6's issues still followed; the 14 completed within R6 are counted apart.
const r6 = issues.filter((r) => r.年度 === "R6" && r.整理区分 !== "年度内完了");
const r6Completed = issues.filter((r) => r.年度 === "R6" && r.整理区分 === "年度内完了");
const r7 = issues.filter((r) => r.年度 === "R7");
const EMAIL = /@(example\.com|[a-z0-9-]+\.example)$/;

// The seed's 局区 table read column by column.
const SEED_BUREAUS = [
  "会計室", "市長公室", "危機管理室", "技術監理局", "政策局", "総務市民局", "財政・変革局", "保健福祉局", "子ども家庭局", "環境局",
  "産業経済局", "都市ブランド創造局", "都市戦略局", "都市整備局", "港湾空港局", "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区",
  "八幡西区", "戸畑区", "消防局", "上下水道局", "交通局", "公営競技局", "議会事務局", "教育委員会", "行政委員会",
];
const SEED_REFORM_COUNTS = [3, 1, 2, 8, 4, 2, 1, 12, 1, 2, 2, 8, 2, 1, 4, 13, 4, 2, 1, 3, 27, 9, 2, 8, 2, 2, 0, 3, 1];

describe("headers", () => {
  it("are exactly as specified", () => {
    // 課題's columns are the contract's (a column added there appears here); these are always among them.
    expect(book.課題[0]).toEqual(expect.arrayContaining(["ID", "年度", "課題名", "区分", "制度所管局", "所管課", "担当者メール", "整理区分", "進捗分類", "実施時期", "進捗メモ", "最終更新日", "最終更新者"]));
    expect(book.局区改革[0]).toEqual(["年度", "局区名", "取組名", "概要", "好事例", "担当者メール"]);
    expect(book.局区[0]).toEqual(["局区名", "区分", "代表メール"]);
    expect(book.課題[0]).toEqual([...ISSUES.headers]);
    expect(book.局区改革[0]).toEqual([...REFORMS.headers]);
    expect(book.局区[0]).toEqual([...BUREAUS.headers]);
  });

  it("every row has one cell per header", () => {
    for (const sheet of [book.課題, book.局区改革, book.局区]) {
      for (const row of sheet) expect(row).toHaveLength(sheet[0].length);
    }
  });
});

describe("課題", () => {
  it("has 33 R6 issues with 整理区分 継続 (carried without sorting) and 75 R7 issues with ①–⑦; none 未整理", () => {
    expect(issues).toHaveLength(122);
    expect(r6).toHaveLength(33);
    expect(r7).toHaveLength(75);
    expect(r6.every((r) => r.整理区分 === "継続")).toBe(true);
    expect(r7.every((r) => /^[①②③④⑤⑥⑦]$/.test(String(r.整理区分)))).toBe(true);
  });

  it("has the 14 R6 issues completed within R6 (年度内完了, 完了), last, so R6 had 47", () => {
    expect(r6Completed).toHaveLength(14);
    expect(r6Completed.every((r) => r.進捗分類 === "完了")).toBe(true);
    expect(issues.slice(-14)).toEqual(r6Completed);
    expect(r6Completed.map((r) => r.ID)).toEqual(Array.from({ length: 14 }, (_, i) => `R6-${String(34 + i).padStart(3, "0")}`));
  });

  it("R6 progress: 完了 21, 実施中 8, 検討中 4", () => {
    expect(count(r6, (r) => r.進捗分類 === "完了")).toBe(21);
    expect(count(r6, (r) => r.進捗分類 === "実施中")).toBe(8);
    expect(count(r6, (r) => r.進捗分類 === "検討中")).toBe(4);
  });

  it("R7 ⑦ progress: 完了 22, 実施中 3, 検討中 19", () => {
    const r7t = r7.filter((r) => r.整理区分 === "⑦");
    expect(r7t).toHaveLength(44);
    expect(count(r7t, (r) => r.進捗分類 === "完了")).toBe(22);
    expect(count(r7t, (r) => r.進捗分類 === "実施中")).toBe(3);
    expect(count(r7t, (r) => r.進捗分類 === "検討中")).toBe(19);
  });

  it("R7 by 整理区分 × 区分 matches the seed", () => {
    const expected: Record<string, [number, number]> = {
      "①": [0, 0], "②": [1, 2], "③": [2, 0], "④": [0, 3], "⑤": [0, 4], "⑥": [12, 7], "⑦": [25, 19],
    };
    for (const [direction, [users, staff]] of Object.entries(expected)) {
      const rows = r7.filter((r) => r.整理区分 === direction);
      expect(count(rows, (r) => r.区分 === "ユーザー"), `${direction} ユーザー`).toBe(users);
      expect(count(rows, (r) => r.区分 === "職員"), `${direction} 職員`).toBe(staff);
    }
    expect(count(r7, (r) => r.区分 === "ユーザー")).toBe(40);
    expect(count(r7, (r) => r.区分 === "職員")).toBe(35);
  });

  it("R7 ②–⑤ have no 進捗分類; ⑥ are all 検討中", () => {
    expect(r7.filter((r) => "②③④⑤".includes(String(r.整理区分))).every((r) => r.進捗分類 === "")).toBe(true);
    expect(r7.filter((r) => r.整理区分 === "⑥").every((r) => r.進捗分類 === "検討中")).toBe(true);
  });

  it("uses only the short 進捗分類 forms and plausible 区分", () => {
    for (const r of issues) {
      expect(["完了", "実施中", "検討中", ""]).toContain(r.進捗分類);
      expect(["ユーザー", "職員"]).toContain(r.区分);
    }
    expect(r6.every((r) => r.進捗分類 !== "")).toBe(true);
  });

  it("IDs are unique and numbered per year", () => {
    const ids = issues.map((r) => String(r.ID));
    expect(new Set(ids).size).toBe(ids.length);
    [...r6, ...r6Completed].forEach((r, i) => expect(r.ID).toBe(`R6-${String(i + 1).padStart(3, "0")}`));
    r7.forEach((r, i) => expect(r.ID).toBe(`R7-${String(i + 1).padStart(3, "0")}`));
  });

  it("titles are unique and non-blank", () => {
    const titles = issues.map((r) => String(r.課題名));
    expect(titles.every((t) => t.trim() !== "")).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("carries the seed's named issues in the right year, class and timing", () => {
    const find = (title: string) => {
      const hits = issues.filter((r) => r.課題名 === title);
      expect(hits, title).toHaveLength(1);
      return hits[0];
    };
    const named: [string, string, string, string, string?][] = [
      ["週休3日制が可能なフレックスタイム制を試行", "R6", "継続", "完了", "R8年4月本格実施"],
      ["正規勤務時間の一部(20%上限)を活用し、他所属の課題解決等に取り組む制度(はみ出せサポート制度)", "R6", "継続", "完了", "R8年4月実施"],
      ["ハード・ソフト両面からの窓口サービスのアップデート", "R7", "⑦", "完了", "R8年4月実施"],
      ["オフィス改革", "R6", "継続", "実施中", "R7実証実験開始"],
      ["災害対応に関して、人員配置・応援体制の見直し", "R6", "継続", "実施中", "R8年4月施行実施"],
      ["本庁舎の女性用トイレを増設(一部)する予算を計上", "R6", "継続", "実施中", "R7年4月一部実施"],
      ["身体障害者の医療費助成申請手続き(自立支援医療(更生医療))や児童扶養手当の行政手続きのオンライン化を検討する", "R7", "⑦", "検討中"],
      ["保育所等の入所にかかる就労証明書提出手続きのオンライン化を検討する", "R7", "⑦", "検討中"],
      ["公式ホームページの生成AI検索導入を検討する", "R7", "⑦", "検討中"],
      ["傘のシェアリングサービス導入", "R7", "⑥", "検討中"],
      ["時間休の取得上限の拡大", "R7", "⑥", "検討中"],
      ["休日に公用車をカーシェアリング利用", "R7", "⑥", "検討中"],
      ["区役所におけるインターネット環境整備", "R7", "⑥", "検討中"],
    ];
    for (const [title, year, direction, progress, timing] of named) {
      const r = find(title);
      expect([r.年度, r.整理区分, r.進捗分類], title).toEqual([year, direction, progress]);
      if (timing) expect(r.実施時期, title).toBe(timing);
    }
  });

  it("最終更新日 is a Date between 2026-03-01 and 2026-05-20 (Tokyo) — within R6 for 年度内完了 —, 最終更新者 is the owner", () => {
    const from = Date.UTC(2026, 2, 1) - 9 * 3600_000;
    const to = Date.UTC(2026, 4, 21) - 9 * 3600_000;
    for (const r of r6Completed) expect(fiscalYearOfDate(r.最終更新日 as Date), String(r.ID)).toBe(6);
    for (const r of issues.filter((i) => !r6Completed.includes(i))) {
      expect(r.最終更新日).toBeInstanceOf(Date);
      const t = (r.最終更新日 as Date).getTime();
      expect(t >= from && t < to, String(r.ID)).toBe(true);
      expect(r.最終更新者).toBe(r.担当者メール);
    }
  });

  it("each (局, 課) section has exactly one owner address and vice versa", () => {
    const bySection = new Map<string, Set<unknown>>();
    const byEmail = new Map<unknown, Set<string>>();
    for (const r of issues) {
      const section = `${r.制度所管局}|${r.所管課}`;
      bySection.set(section, (bySection.get(section) ?? new Set()).add(r.担当者メール));
      byEmail.set(r.担当者メール, (byEmail.get(r.担当者メール) ?? new Set()).add(section));
    }
    for (const emails of bySection.values()) expect(emails.size).toBe(1);
    for (const sections of byEmail.values()) expect(sections.size).toBe(1);
    expect(byEmail.size).toBeGreaterThanOrEqual(25);
    expect(byEmail.size).toBeLessThanOrEqual(35);
  });

  it("several owners have 2–4 open tracked issues", () => {
    const open = new Map<unknown, number>();
    for (const r of issues) {
      const tracked = r.整理区分 === "継続" || r.整理区分 === "⑦";
      if (tracked && r.進捗分類 !== "完了") open.set(r.担当者メール, (open.get(r.担当者メール) ?? 0) + 1);
    }
    expect([...open.values()].reduce((a, b) => a + b, 0)).toBe(34);
    expect(count([...open.values()], (n) => n >= 2 && n <= 4)).toBeGreaterThanOrEqual(4);
  });
});

describe("履歴", () => {
  it("records 進捗分類 changes within R6 and R7 only, each issue's last one ending at its current class", () => {
    const history = records(book.履歴);
    expect(book.履歴[0]).toEqual(["日時", "利用者", "ID", "項目", "変更前", "変更後", "経路", "担当アドレス", "立場"]);
    expect(history.length).toBeGreaterThan(30);
    const byId = new Map(issues.map((r) => [r.ID, r]));
    const last = new Map<unknown, Row>();
    for (const h of history) {
      expect(h.項目).toBe("進捗分類");
      expect([6, 7]).toContain(fiscalYearOfDate(h.日時 as Date));
      expect(h.利用者).toBe(byId.get(h.ID)?.担当者メール);
      last.set(h.ID, h);
    }
    for (const [id, h] of last) expect(h.変更後, String(id)).toBe(byId.get(id)?.進捗分類);
    // Every 年度内完了 issue was completed during R6.
    for (const r of r6Completed) expect(fiscalYearOfDate(last.get(r.ID)?.日時 as Date)).toBe(6);
  });
});

describe("局区", () => {
  it("lists the seed's 29 局区 in order, 区 for the 7 wards", () => {
    expect(bureaus.map((r) => r.局区名)).toEqual(SEED_BUREAUS);
    const wards = bureaus.filter((r) => r.区分 === "区").map((r) => r.局区名);
    expect(wards).toEqual(["門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区"]);
    expect(count(bureaus, (r) => r.区分 === "局")).toBe(22);
  });

  it("代表メール are distinct and on city.example", () => {
    const emails = bureaus.map((r) => String(r.代表メール));
    expect(new Set(emails).size).toBe(29);
    expect(emails.every((e) => e.endsWith("@city.example"))).toBe(true);
  });
});

describe("局区改革", () => {
  it("has 130 R7 rows with the seed's count per 局区", () => {
    expect(reforms).toHaveLength(130);
    expect(reforms.every((r) => r.年度 === "R7")).toBe(true);
    SEED_BUREAUS.forEach((name, i) => {
      expect(count(reforms, (r) => r.局区名 === name), name).toBe(SEED_REFORM_COUNTS[i]);
    });
  });

  it("every 局区名 is one of the 29", () => {
    const names = new Set(bureaus.map((r) => r.局区名));
    expect(reforms.every((r) => names.has(r.局区名))).toBe(true);
  });

  it("marks exactly the seed's good practices as 好事例", () => {
    const good: [string, string][] = [
      ["会計室", "公共料金のクレジットカード支払導入"],
      ["技術監理局", "契約事務の効率化に向けた事務手続等の見直し"],
      ["総務市民局", "オフィス改革"],
      ["消防局", "オフィス改革"],
      ["保健福祉局", "キントーンを用いた民生委員業務の効率化の取り組み"],
      ["環境局", "女性職員の更衣環境向上"],
      ["若松区", "旧食堂跡地を居心地よいフリースペースへリニューアル"],
      ["交通局", "バス運転者採用試験に係る見直し"],
    ];
    expect(reforms.every((r) => typeof r.好事例 === "boolean")).toBe(true);
    const marked = reforms.filter((r) => r.好事例 === true).map((r) => [r.局区名, r.取組名]);
    expect(marked).toHaveLength(good.length);
    for (const pair of good) expect(marked).toContainEqual(pair);
  });

  it("取組名 are distinct within each 局区, 概要 non-blank", () => {
    const keys = reforms.map((r) => `${r.局区名}|${r.取組名}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(reforms.every((r) => String(r.概要).trim() !== "")).toBe(true);
  });
});

describe("emails", () => {
  it("all use reserved domains", () => {
    const emails = [
      ...issues.flatMap((r) => [r.担当者メール, r.最終更新者]),
      ...reforms.map((r) => r.担当者メール),
      ...bureaus.map((r) => r.代表メール),
    ];
    for (const e of emails) expect(String(e)).toMatch(EMAIL);
  });
});

describe("demoWorkbook()", () => {
  it("returns fresh copies", () => {
    const a = demoWorkbook();
    a.課題[0][0] = "changed";
    a.課題[1][2] = "changed";
    const updated = ISSUES.headers.indexOf("最終更新日");
    (a.課題[1][updated] as Date).setUTCFullYear(1999);
    a.局区改革.pop();
    a.局区[1][0] = "changed";
    const b = demoWorkbook();
    expect(b).toEqual(book);
    expect(b.課題[0][0]).toBe("ID");
    expect(b.局区改革).toHaveLength(131);
    expect((b.課題[1][updated] as Date).getUTCFullYear()).toBe(2026);
  });
});
