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
const context = { cycle: "2026-12", asOf: "2026-12-01", deadline: new Date("2026-12-10T09:00:00+09:00"), link: "https://example.invalid/exec?t=x", senderName: "市政変革推進室", kind: "依頼" as const };

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

describe("an issue past its 実施時期", () => {
  const followed = { 整理区分: "⑦", 進捗分類: "実施中" };
  const mixed = {
    ...request,
    issues: [
      issueRecord({ ...followed, ID: "R6-023", 課題名: "期限を過ぎた課題", 実施時期: "Ｒ８年４月施行実施" }),
      issueRecord({ ...followed, ID: "R6-024", 課題名: "読めない実施時期", 実施時期: "来春" }),
      issueRecord({ ...followed, ID: "R6-025", 課題名: "これから", 実施時期: "R8年度中" }),
      issueRecord({ ...followed, ID: "R6-026", 課題名: "完了した課題", 進捗分類: "完了", 実施時期: "R7年4月" }),
      issueRecord({ ...followed, ID: "R6-027", 課題名: "今月末まで", 実施時期: "2026年12月" }),
    ],
  };
  const NOTICE = "※実施時期（令和8年4月）を過ぎています。現在の状況をお知らせください（予定が変わった場合は、実施時期の更新をお願いいたします）。";

  it("gets one polite sentence under it, in the text and in the HTML; no other issue does", () => {
    const { body, htmlBody } = composeRequest(mixed, context);
    expect(body).toContain(`1. [R6-023] 期限を過ぎた課題\n   進捗分類：実施中／実施時期：Ｒ８年４月施行実施\n   前回のメモ：—（最終更新：—）\n   ${NOTICE}\n`);
    expect(body.match(/※実施時期/g)).toHaveLength(1);
    expect(htmlBody).toContain(`<td colspan="6" style="padding:4px 8px;border:1px solid #ccc;color:#a50e0e">${NOTICE}</td>`);
    expect(htmlBody.match(/※実施時期/g)).toHaveLength(1);
    // An unreadable 実施時期 is listed as typed, without a notice and without failing the mail.
    expect(body).toContain("2. [R6-024] 読めない実施時期\n   進捗分類：実施中／実施時期：来春\n   前回のメモ：—（最終更新：—）\n3.");
  });

  it("counts as of the mail's day: the month named ends first", () => {
    expect(composeRequest(mixed, { ...context, asOf: "2026-12-31" }).body).not.toContain("令和8年12月）を過ぎて");
    expect(composeRequest(mixed, { ...context, asOf: "2027-01-01" }).body).toContain("※実施時期（令和8年12月）を過ぎています。");
    expect(composeRequest(mixed, { ...context, asOf: "2026-04-30" }).body).not.toContain("※");
  });
});
