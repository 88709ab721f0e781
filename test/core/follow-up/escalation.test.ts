// Whom the 督促 goes to: each bureau's 代表メール, once per address, naming the
// sections that have not answered and who acts for each on the day.
import { describe, expect, it } from "vitest";
import { escalationAt, planEscalation } from "../../../src/core/follow-up/escalation";
import { composeEscalation } from "../../../src/core/follow-up/escalation-mail";
import { ownerRequests } from "../../../src/core/follow-up/recipients";
import { readDirectory } from "../../../src/core/delegation";
import { cycleDates } from "../../../src/core/mailing/schedule";

const ISSUES = [
  ["ID", "年度", "課題名", "制度所管局", "所管課", "担当者メール", "整理区分", "進捗分類"],
  ["R7-001", "R7", "人事の課題", "総務市民局", "人事課", "jinji-ka@city.example", "⑦", "検討中"],
  ["R7-002", "R7", "職員の課題", "総務市民局", "職員課", "shokuin-ka@city.example", "⑦", "検討中"],
  ["R7-003", "R7", "兼務の課題", "財政・変革局", "職員課", "shokuin-ka@city.example", "⑦", "検討中"],
  ["R7-004", "R7", "環境の課題", "環境局", "環境政策課", "kankyo-ka@city.example", "⑦", "検討中"],
  ["R7-005", "R7", "<b>政策</b>", "政策局", "広報課", "koho-ka@city.example", "⑦", "検討中"],
];
const BUREAUS = [
  ["局区名", "区分", "代表メール"],
  ["総務市民局", "局", "somu@city.example"],
  // One representative for two bureaus: one mail naming both.
  ["財政・変革局", "局", "Somu@City.Example"],
  ["環境局", "局", ""],
  ["政策局", "局", "seisaku@@city.example"],
];
const DIRECTORY = readDirectory([
  ["氏名", "メール", "担当アドレス", "役割（担当／代理）", "開始日", "終了日"],
  ["職員 次郎", "jiro@city.example", "shokuin-ka@city.example", "担当", "", ""],
  ["職員 美穂", "miho@city.example", "shokuin-ka@city.example", "代理", "", "2026-11-30"],
  ["職員 三郎", "saburo@city.example", "shokuin-ka@city.example", "代理", "2026-12-01", ""],
]);

describe("planEscalation", () => {
  const requests = ownerRequests(ISSUES, 12, []);
  const plan = planEscalation(requests, new Set(["jinji-ka@city.example"]), BUREAUS, DIRECTORY, "2026-12-12");

  it("writes once to each representative address, naming each of its bureaus' unanswered sections with that bureau's issues", () => {
    expect(plan.mails.map((m) => [m.to, m.bureaus.map((b) => [b.bureau, b.sections.map((s) => [s.section, s.issues.map((i) => i.ID)])])])).toEqual([
      ["seisaku@@city.example", [["政策局", [["広報課", ["R7-005"]]]]]],
      ["somu@city.example", [["総務市民局", [["職員課", ["R7-002"]]]], ["財政・変革局", [["職員課", ["R7-003"]]]]]],
    ]);
  });

  it("names the people acting for the section on the day — a deputy whose period ended is left out", () => {
    const people = plan.mails[1].bureaus[0].sections[0].people.map((d) => d.name);
    expect(people).toEqual(["職員 次郎", "職員 三郎"]);
  });

  it("keeps a bureau without 代表メール apart, and marks a malformed one with its cell", () => {
    expect(plan.unreachable.map((b) => b.bureau)).toEqual(["環境局"]);
    expect(plan.mails[0].badAddress).toBe("局区シート 5行目 C列「代表メール」");
    expect(plan.mails[1].badAddress).toBeNull();
  });

  it("composes a polite mail with every value escaped, saying when the deadline was", () => {
    const dates = cycleDates(Date.parse("2026-12-01T09:00:00+09:00"), { 回答期限: 10, 再依頼: 7, 送信時刻: 9 });
    const mail = composeEscalation(plan.mails[0], { cycle: "2026-12", deadline: dates.deadline, senderName: "市政変革推進室" });
    expect(mail.body).toContain("政策局 代表者様");
    expect(mail.body).toContain("担当者：担当者シートに登録がありません");
    expect(mail.htmlBody).toContain("&#60;b&#62;政策&#60;/b&#62;");
    expect(mail.htmlBody).not.toContain("<b>政策");
  });

  it("goes out 督促日 days after the deadline day, at 送信時刻", () => {
    const dates = cycleDates(Date.parse("2026-12-01T09:00:00+09:00"), { 回答期限: 10, 再依頼: 7, 送信時刻: 9 });
    expect(escalationAt(dates, { 督促日: 1, 送信時刻: 9 }).toISOString()).toBe(new Date("2026-12-12T09:00:00+09:00").toISOString());
    expect(escalationAt(dates, { 督促日: 3, 送信時刻: 0 }).toISOString()).toBe(new Date("2026-12-14T00:00:00+09:00").toISOString());
  });
});
