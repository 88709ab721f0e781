// The request mail lists each issue with the editable fields the 課題 contract
// describes: today's wording for 進捗分類, 実施時期 and 前回のメモ, and a column
// for any field added later.
import { describe, expect, it } from "vitest";
import { INPUTS } from "../../../src/core/contracts/issues";
import { composeRequest } from "../../../src/core/follow-up/mail";
import { issueRecord } from "../../support/issue-record";

const request = {
  owner: "jinji-ka@city.example",
  bureau: "総務市民局",
  section: "人事課",
  badAddress: null,
  issues: [
    issueRecord({ ID: "R7-010", 課題名: "書かない窓口", 進捗分類: "検討中", 実施時期: "R8年度", 進捗メモ: "調整中", 最終更新日: "2026-10-01T00:00:00.000Z" }),
    issueRecord({ ID: "R7-011", 課題名: "<b>電子申請</b>", 進捗分類: "", 進捗メモ: "" }),
  ],
};
const context = { cycle: "2026-12", deadline: new Date("2026-12-10T09:00:00+09:00"), link: "https://example.invalid/exec?t=x", senderName: "市政変革推進室", kind: "依頼" as const };

describe("the request mail's list of issues", () => {
  it("words each issue as staff know it, blank values as 未設定 or —", () => {
    const { body } = composeRequest(request, context);
    expect(body).toContain("1. [R7-010] 書かない窓口\n   進捗分類：検討中／実施時期：R8年度");
    expect(body).toMatch(/\n {3}前回のメモ：調整中（最終更新：令和8年10月1日）/);
    expect(body).toContain("2. [R7-011] <b>電子申請</b>\n   進捗分類：未設定／実施時期：—");
    expect(body).toContain(`課題ごとに${INPUTS.map((i) => i.label).join("・")}をご回答ください。`);
  });

  it("gives every editable field a column in the HTML, every value escaped", () => {
    const { htmlBody } = composeRequest(request, context);
    const headers = [...htmlBody.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(["ID", "課題名", ...INPUTS.filter((i) => !i.lines).map((i) => i.mailLabel ?? i.label), ...INPUTS.filter((i) => i.lines).map((i) => i.mailLabel ?? i.label), "最終更新"]);
    expect(headers).toEqual(expect.arrayContaining(["進捗分類", "実施時期", "前回のメモ"]));
    expect(htmlBody).toContain("&#60;b&#62;電子申請&#60;/b&#62;");
    expect(htmlBody).not.toContain("<b>電子申請");
  });
});
