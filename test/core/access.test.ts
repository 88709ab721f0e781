// Who may see and update an issue: whoever acts for its owner or its bureau's representative
// address (the address itself or a person 担当者 lists for it that day), and the secretariat.
import { describe, expect, it } from "vitest";
import { actorFor, buildAccessList, bureausActedFor, canUpdate, isSecretariat, roleFor } from "../../src/core/access";
import { DELEGATES } from "../../src/core/contracts/delegates";
import { readDirectory } from "../../src/core/delegation";
import type { IssueRecord } from "../../src/core/contracts/issues";
import { issueRecord } from "../support/issue-record";

const OWNER = "jinji-ka@city.example";
const REP = "somu@city.example";
const SECRETARIAT = "henkaku@city.example";
const DAY = "2026-12-01";

function issue(overrides: Partial<IssueRecord> = {}): IssueRecord {
  return issueRecord({
    ID: "R7-010", 年度: "R7", 課題名: "書かない窓口", 区分: "ユーザー", 制度所管局: "総務市民局", 所管課: "人事課",
    担当者メール: OWNER, 整理区分: "⑦", 進捗分類: "検討中", 実施時期: "", 進捗メモ: "", 最終更新日: "", 最終更新者: "", ...overrides,
  });
}

const access = buildAccessList([SECRETARIAT, " Second@City.Example ", ""], [
  { name: "総務市民局", rep: REP },
  { name: "財政・変革局", rep: REP },
  { name: "門司区", rep: "" },
  { name: "", rep: "nobody@city.example" },
]);

describe("buildAccessList", () => {
  it("keeps usable addresses in one case, and lists every 局区 an address represents", () => {
    expect(access).toEqual({
      secretariat: [SECRETARIAT, "second@city.example"],
      bureauByRep: { [REP]: ["総務市民局", "財政・変革局"] },
      directory: { entries: [], problems: [] },
    });
  });

  it("reads full-width and padded 局区 names as staff typed them; addresses only trimmed and lower-cased", () => {
    const list = buildAccessList([], [{ name: "　総務市民局 ", rep: " SOMU@city.example " }]);
    expect(list.bureauByRep).toEqual({ [REP]: ["総務市民局"] });
    // A full-width address is another string (issue 12: no NFKC look-alikes), so it does not become REP.
    const lookAlike = buildAccessList([], [{ name: "総務市民局", rep: "ＳＯＭＵ＠city.example" }]);
    expect(lookAlike.bureauByRep[REP]).toBeUndefined();
  });
});

describe("roleFor", () => {
  it("gives the owner, the bureau's representative and the secretariat their roles; others none", () => {
    expect(roleFor(OWNER, issue(), access, DAY)).toBe("owner");
    expect(roleFor(REP, issue(), access, DAY)).toBe("bureau");
    expect(roleFor(SECRETARIAT, issue(), access, DAY)).toBe("secretariat");
    expect(roleFor("stranger@city.example", issue(), access, DAY)).toBe("none");
  });

  it("does not let a representative reach another bureau's issue", () => {
    expect(roleFor(REP, issue({ 制度所管局: "環境局" }), access, DAY)).toBe("none");
  });

  it("gives the strongest role when one person is several things", () => {
    expect(roleFor(SECRETARIAT, issue({ 担当者メール: SECRETARIAT }), access, DAY)).toBe("secretariat");
    expect(roleFor(REP, issue({ 担当者メール: REP }), access, DAY)).toBe("bureau");
  });

  it("compares e-mail addresses regardless of case and surrounding spaces, never width", () => {
    expect(roleFor(" JINJI-KA@CITY.EXAMPLE", issue(), access, DAY)).toBe("owner");
    expect(roleFor("Second@city.example", issue(), access, DAY)).toBe("secretariat");
    expect(roleFor(" SOMU@city.example ", issue(), access, DAY)).toBe("bureau");
    // Full-width look-alikes (issue 12) are other addresses.
    expect(roleFor("ｓｏｍｕ@city.example", issue(), access, DAY)).toBe("none");
    expect(isSecretariat("ｈｅｎｋａｋｕ＠city.example", access)).toBe(false);
    expect(roleFor(OWNER, issue({ 担当者メール: "Jinji-Ka@City.Example " }), access, DAY)).toBe("owner");
  });

  it("gives no role to an unknown (blank) user, even on an issue without an owner", () => {
    expect(roleFor("", issue({ 担当者メール: "" }), access, DAY)).toBe("none");
  });
});

describe("canUpdate and isSecretariat", () => {
  it("lets exactly those with a role update", () => {
    expect([OWNER, REP, SECRETARIAT, "stranger@city.example", ""].map((u) => canUpdate(u, issue(), access, DAY))).toEqual([true, true, true, false, false]);
  });

  it("knows the secretariat by any spelling of its addresses, and only them", () => {
    expect(isSecretariat("HENKAKU@city.example", access)).toBe(true);
    expect(isSecretariat(REP, access)).toBe(false);
    expect(isSecretariat("", access)).toBe(false);
  });
});

describe("acting for an address through 担当者", () => {
  const TARO = "taro.jinji@city.example";
  const ICHIRO = "ichiro.jinji@city.example";
  const SHOMU = "tadashi.somu@city.example";
  const listed = buildAccessList([SECRETARIAT], [{ name: "総務市民局", rep: "somu-kyoku@city.example" }], readDirectory([
    [...DELEGATES.headers],
    ["山田 太郎", TARO, OWNER, "担当", "", "", ""],
    ["鈴木 一郎", ICHIRO, OWNER, "代理", "2024-04-01", "2026-03-31", "異動"],
    ["宮本 正", SHOMU, "somu-kyoku@city.example", "担当", "", "", ""],
  ]));

  it("lets a listed person update the section's issues, recorded as themselves for the section", () => {
    expect(roleFor(TARO, issue(), listed, DAY)).toBe("owner");
    expect(actorFor(TARO, issue(), DAY, listed)).toEqual({ person: TARO, onBehalfOf: OWNER, standing: "担当" });
    expect(actorFor(OWNER, issue(), DAY, listed)).toEqual({ person: OWNER, onBehalfOf: "", standing: "本人" });
  });

  it("refuses a deputy whose period has ended, and lets them in on a day inside it", () => {
    expect(canUpdate(ICHIRO, issue(), listed, DAY)).toBe(false);
    expect(actorFor(ICHIRO, issue(), "2026-03-31", listed)).toMatchObject({ standing: "代理", onBehalfOf: OWNER });
  });

  it("makes the people listed for a 局区's 代表メール its representatives", () => {
    expect(bureausActedFor(SHOMU, DAY, listed)).toEqual(["総務市民局"]);
    expect(roleFor(SHOMU, issue(), listed, DAY)).toBe("bureau");
    expect(actorFor(SHOMU, issue(), DAY, listed)).toEqual({ person: SHOMU, onBehalfOf: "somu-kyoku@city.example", standing: "局区代表" });
    expect(canUpdate(SHOMU, issue({ 制度所管局: "環境局" }), listed, DAY)).toBe(false);
  });

  it("records the secretariat as 推進室 acting for the owner", () => {
    expect(actorFor(SECRETARIAT, issue(), DAY, listed)).toEqual({ person: SECRETARIAT, onBehalfOf: OWNER, standing: "推進室" });
  });
});
