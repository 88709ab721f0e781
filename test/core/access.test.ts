// Who may see and update an issue: its owner, its bureau's representative, the secretariat.
import { describe, expect, it } from "vitest";
import { buildAccessList, canUpdate, isSecretariat, ownsIssue, roleFor } from "../../src/core/access";
import type { IssueRecord } from "../../src/core/contracts/issues";
import { issueRecord } from "../support/issue-record";

const OWNER = "jinji-ka@city.example";
const REP = "somu@city.example";
const SECRETARIAT = "henkaku@city.example";

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
    expect(roleFor(OWNER, issue(), access)).toBe("owner");
    expect(roleFor(REP, issue(), access)).toBe("bureau");
    expect(roleFor(SECRETARIAT, issue(), access)).toBe("secretariat");
    expect(roleFor("stranger@city.example", issue(), access)).toBe("none");
  });

  it("does not let a representative reach another bureau's issue", () => {
    expect(roleFor(REP, issue({ 制度所管局: "環境局" }), access)).toBe("none");
  });

  it("gives the strongest role when one person is several things", () => {
    expect(roleFor(SECRETARIAT, issue({ 担当者メール: SECRETARIAT }), access)).toBe("secretariat");
    expect(roleFor(REP, issue({ 担当者メール: REP }), access)).toBe("bureau");
  });

  it("compares e-mail addresses regardless of case and surrounding spaces, never width", () => {
    expect(roleFor(" JINJI-KA@CITY.EXAMPLE", issue(), access)).toBe("owner");
    expect(roleFor("Second@city.example", issue(), access)).toBe("secretariat");
    expect(roleFor(" SOMU@city.example ", issue(), access)).toBe("bureau");
    // Full-width look-alikes (issue 12) are other addresses.
    expect(roleFor("ｓｏｍｕ@city.example", issue(), access)).toBe("none");
    expect(isSecretariat("ｈｅｎｋａｋｕ＠city.example", access)).toBe(false);
    expect(roleFor(OWNER, issue({ 担当者メール: "Jinji-Ka@City.Example " }), access)).toBe("owner");
  });

  it("gives no role to an unknown (blank) user, even on an issue without an owner", () => {
    expect(roleFor("", issue({ 担当者メール: "" }), access)).toBe("none");
    expect(ownsIssue("", issue({ 担当者メール: "" }))).toBe(false);
  });
});

describe("canUpdate and isSecretariat", () => {
  it("lets exactly those with a role update", () => {
    expect([OWNER, REP, SECRETARIAT, "stranger@city.example", ""].map((u) => canUpdate(u, issue(), access))).toEqual([true, true, true, false, false]);
  });

  it("knows the secretariat by any spelling of its addresses, and only them", () => {
    expect(isSecretariat("HENKAKU@city.example", access)).toBe(true);
    expect(isSecretariat(REP, access)).toBe(false);
    expect(isSecretariat("", access)).toBe(false);
  });
});
