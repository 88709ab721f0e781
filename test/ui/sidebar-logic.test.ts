import { describe, expect, it } from "vitest";
import { counterText } from "../../src/core/base/text";
import { EDITABLE_FIELDS, type IssueRecord } from "../../src/core/contracts/issues";
import {
  DEFAULT_FILTERS, groupByAddress, buildUpdate, changesOf, conflictRows, countText, draftOf, emptyText, failureText, fieldErrors,
  filterChoices, filterIssues, formatDateTime, hasChanges, historyLine, progressBadge, rebase, roleText, type Filters,
} from "../../src/ui/sidebar/logic";
import { issueRecord } from "../support/issue-record";

function issue(fields: Partial<IssueRecord>): IssueRecord {
  return issueRecord({
    ID: "R7-001", 年度: "R7", 課題名: "", 区分: "ユーザー", 制度所管局: "総務市民局", 所管課: "区政課",
    担当者メール: "kusei-ka@city.example", 整理区分: "⑦", 進捗分類: "検討中", 実施時期: "", 進捗メモ: "",
    最終更新日: "2026-05-12T00:00:00.000Z", 最終更新者: "kusei-ka@city.example", ...fields,
  });
}

const issues = [
  issue({ ID: "R6-001", 年度: "R6", 課題名: "週休3日制が可能なフレックスタイム制を試行", 制度所管局: "総務市民局", 所管課: "人事課", 進捗分類: "完了" }),
  issue({ ID: "R6-022", 年度: "R6", 課題名: "オフィス改革", 制度所管局: "財政・変革局", 所管課: "財産活用推進課", 進捗分類: "【分類2】具体的な解決策を一部実施、又は試行の段階", 進捗メモ: "本庁舎の一部フロアで実証実験中" }),
  issue({ ID: "R7-045", 課題名: "公式ホームページの生成AI検索導入を検討する", 制度所管局: "政策局", 所管課: "広報課" }),
  issue({ ID: "R7-050", 課題名: "ＡＩチャットボット導入", 制度所管局: "環境局", 所管課: "循環社会推進課", 進捗分類: "" }),
];

const filters = (f: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...f });
const ids = (list: IssueRecord[]) => list.map((i) => i.ID);

describe("filtering, search and counting", () => {
  it("hides 完了 by default, for follow-up work", () => {
    expect(ids(filterIssues(issues, DEFAULT_FILTERS))).toEqual(["R6-022", "R7-045", "R7-050"]);
    expect(ids(filterIssues(issues, filters({ hideDone: false })))).toHaveLength(4);
  });

  it("searches 課題名, ID, 所管課 and メモ with NFKC and any case; every word must match", () => {
    const f = (query: string) => ids(filterIssues(issues, filters({ query, hideDone: false })));
    expect(f("ai")).toEqual(["R7-045", "R7-050"]); // full-width ＡＩ folds to ai
    expect(f("ｒ６－０２２")).toEqual(["R6-022"]);
    expect(f("広報課")).toEqual(["R7-045"]);
    expect(f("実証実験")).toEqual(["R6-022"]);
    expect(f("AI 広報")).toEqual(["R7-045"]);
    expect(f("  ")).toHaveLength(4);
    expect(f("該当なし")).toEqual([]);
  });

  it("filters by 局区, 進捗分類 (reading the seed wording) and 年度", () => {
    expect(ids(filterIssues(issues, filters({ bureau: "政策局" })))).toEqual(["R7-045"]);
    expect(ids(filterIssues(issues, filters({ progress: "実施中" })))).toEqual(["R6-022"]);
    expect(ids(filterIssues(issues, filters({ progress: "未入力" })))).toEqual(["R7-050"]);
    expect(ids(filterIssues(issues, filters({ year: "R6", hideDone: false })))).toEqual(["R6-001", "R6-022"]);
  });

  it("offers the 局区 and 年度 present, and counts", () => {
    expect(filterChoices(issues)).toEqual({ bureaus: ["総務市民局", "財政・変革局", "政策局", "環境局"], years: ["R6", "R7"] });
    expect(countText(34, 12)).toBe("34件中 12件を表示");
    expect(emptyText(0, DEFAULT_FILTERS)).toBe("表示できる課題はありません。");
    expect(emptyText(4, DEFAULT_FILTERS)).toContain("「完了を除く」を外すと");
  });

  it("shows the class on the badge, or the cell's text when it is not one", () => {
    expect(progressBadge(issues[1])).toEqual({ key: "実施中", text: "実施中" });
    expect(progressBadge(issue({ 進捗分類: "保留" }))).toEqual({ key: "未入力", text: "保留" });
    expect(progressBadge(issues[3])).toEqual({ key: "未入力", text: "未入力" });
  });

  it("groups a person's issues by each address they act for, and says they are recorded by name", () => {
    const jiro = "jiro.shokuin@city.example";
    const mixed = [
      issue({ ID: "R7-001", 担当者メール: "shokuin-ka@city.example", 制度所管局: "総務市民局", 所管課: "職員課" }),
      issue({ ID: "R7-002", 担当者メール: "jinzai-ka@city.example", 制度所管局: "総務市民局", 所管課: "人材育成課" }),
      issue({ ID: "R7-003", 担当者メール: "Shokuin-ka@city.example ", 制度所管局: "総務市民局", 所管課: "職員課" }),
    ];
    const context = {
      user: jiro, role: "owner" as const, bureaus: [], problem: null, today: "2026-05-26",
      addresses: [{ address: jiro, standing: "本人" as const }, { address: "shokuin-ka@city.example", standing: "担当" as const }, { address: "jinzai-ka@city.example", standing: "代理" as const }],
    };
    expect(groupByAddress(mixed, context).map((g) => [g.heading, ids(g.issues)])).toEqual([
      ["総務市民局 職員課（shokuin-ka@city.example）・担当", ["R7-001", "R7-003"]],
      ["総務市民局 人材育成課（jinzai-ka@city.example）・代理", ["R7-002"]],
    ]);
    expect(roleText(context)).toContain(`保存すると ${jiro} の名前で記録されます`);
    expect(groupByAddress(mixed, { ...context, role: "secretariat" })).toEqual([{ heading: "", issues: mixed }]);
  });

  it("says who is signed in as what", () => {
    const context = { user: "henkaku@city.example", bureaus: [], addresses: [], today: "2026-05-26", problem: null };
    expect(roleText({ ...context, role: "secretariat" })).toBe("市政変革推進室として全件を表示しています");
    expect(roleText({ ...context, role: "bureau", bureaus: ["若松区", "戸畑区"] })).toContain("若松区・戸畑区の代表");
    expect(roleText({ ...context, role: "none", user: "" })).toContain("アカウントを確認できませんでした");
  });
});

describe("the save request", () => {
  const base = issues[1];

  it("sends only changed fields, with expected = the values as loaded", () => {
    const draft = { ...draftOf(base), 進捗分類: "完了", 進捗メモ: "本格実施へ" };
    const update = buildUpdate(base, draft);
    expect(update).toEqual({ id: "R6-022", expected: expect.objectContaining({ 進捗分類: base.進捗分類, 実施時期: "", 進捗メモ: base.進捗メモ, 最終更新日: base.最終更新日 }), changes: { 進捗分類: "完了", 進捗メモ: "本格実施へ" } });
    for (const field of EDITABLE_FIELDS) expect(update.expected[field], field).toBe(base[field]);
  });

  it("checks every editable field for conflicts, with no list of fields to keep up to date", () => {
    const update = buildUpdate(base, draftOf(base));
    expect(Object.keys(update.expected)).toEqual([...EDITABLE_FIELDS, "最終更新日"]);
    expect(update.changes).toEqual({});
    expect(Object.keys(draftOf(base))).toEqual(EDITABLE_FIELDS);
  });

  it("does not count the seed wording read as its class, or trailing spaces, as changes", () => {
    const draft = draftOf(base);
    expect(draft.進捗分類).toBe("実施中");
    expect(hasChanges(base, draft)).toBe(false);
    expect(hasChanges(base, { ...draft, 進捗メモ: `${base.進捗メモ}  ` })).toBe(false);
    expect(hasChanges(base, { ...draft, 実施時期: "R8年4月本格実施" })).toBe(true);
  });

  it("re-applies the user's changes on top of the latest values after a conflict", () => {
    const draft = { ...draftOf(base), 進捗メモ: "効果検証を開始" };
    const latest = { ...base, 進捗分類: "完了", 実施時期: "R8年4月", 最終更新日: "2026-06-01T01:00:00.000Z" };
    const next = rebase(base, draft, latest);
    expect(next).toEqual({ ...draftOf(latest), 進捗分類: "完了", 実施時期: "R8年4月", 進捗メモ: "効果検証を開始" });
    expect(next.進捗分類).toBe("完了");
    expect(buildUpdate(latest, next)).toMatchObject({ expected: { 最終更新日: latest.最終更新日 }, changes: { 進捗メモ: "効果検証を開始" } });
    const rows = conflictRows(latest, draft);
    expect(rows.map((r) => r.field)).toEqual(EDITABLE_FIELDS);
    expect(rows.map((r) => r.label)).toEqual(expect.arrayContaining(["進捗分類", "実施時期", "進捗メモ"]));
    expect(rows.find((r) => r.field === "進捗メモ")).toEqual({ field: "進捗メモ", label: "進捗メモ", current: base.進捗メモ, mine: "効果検証を開始", differs: true });
    expect(rows.find((r) => r.field === "実施時期")).toMatchObject({ current: "R8年4月", mine: "（空欄）", differs: true });
  });
});

describe("validation and messages", () => {
  it("reports a too-long memo in Japanese, and counts characters", () => {
    const errors = fieldErrors(issues[2], { ...draftOf(issues[2]), 進捗メモ: "あ".repeat(2001) });
    expect(errors).toEqual({ 進捗メモ: "進捗メモは2000文字以内で入力してください（現在2001文字）。" });
    expect(fieldErrors(issues[2], { ...draftOf(issues[2]), 実施時期: "x".repeat(101) }).実施時期).toContain("100文字以内");
    expect(counterText("あ".repeat(12), 2000)).toBe("12 / 2000文字");
    expect(counterText("あ".repeat(2001), 2000)).toBe("2001 / 2000文字（1文字超過）");
  });

  it("counts an emoji as one character, as the server does, so a memo the counter allows is saved", () => {
    const memo = "😀".repeat(2000);
    expect(counterText(memo, 2000)).toBe("2000 / 2000文字");
    expect(fieldErrors(issues[2], { ...draftOf(issues[2]), 進捗メモ: memo })).toEqual({});
    expect(fieldErrors(issues[2], { ...draftOf(issues[2]), 進捗メモ: `${memo}😀` }).進捗メモ).toBe("進捗メモは2000文字以内で入力してください（現在2001文字）。");
    expect(changesOf(issues[2], { ...draftOf(issues[2]), 進捗メモ: memo })).toEqual({ 進捗メモ: memo });
  });

  it("leaves an unchanged, already too long memo alone", () => {
    const long = issue({ 進捗メモ: "あ".repeat(2100) });
    expect(fieldErrors(long, draftOf(long))).toEqual({});
  });

  it("words each failure for the user", () => {
    const fail = (reason: "conflict" | "not_found" | "forbidden" | "busy" | "invalid", message = "サーバーの文") =>
      failureText({ ok: false, reason, message });
    expect(fail("conflict")).toMatch(/^他の方が先に更新しました/);
    expect(fail("not_found")).toContain("この課題は削除されたか ID が変わりました");
    expect(fail("busy")).toBe("混み合っています。少し待ってからもう一度保存してください。");
    expect(fail("forbidden", "権限がありません。")).toBe("権限がありません。");
  });

  it("writes dates in 和暦 with Tokyo time", () => {
    expect(formatDateTime("2026-05-26T05:05:00.000Z")).toBe("令和8年5月26日 14:05");
    expect(formatDateTime("2019-04-30T15:30:00.000Z")).toBe("令和元年5月1日 00:30");
    expect(formatDateTime("")).toBe("");
    expect(formatDateTime("不明")).toBe("不明");
    expect(historyLine({ 日時: "2026-05-26T05:05:00.000Z", 利用者: "a@city.example", 項目: "進捗分類", 変更前: "", 変更後: "実施中", 経路: "サイドバー", 担当アドレス: "" }))
      .toEqual({ when: "令和8年5月26日 14:05", who: "a@city.example・サイドバー", change: "進捗分類: （空欄） → 実施中" });
    expect(historyLine({ 日時: "", 利用者: "taro.jinji@city.example", 項目: "進捗分類", 変更前: "", 変更後: "実施中", 経路: "メール回答", 担当アドレス: "jinji-ka@city.example" }).who)
      .toBe("taro.jinji@city.example（jinji-ka@city.example）・メール回答");
  });
});
