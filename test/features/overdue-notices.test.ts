// Issues past their 実施時期, as owners meet them: the monthly request gets one polite notice
// per such issue (as of the day the mail is written, in Tokyo) and the sidebar is told the
// Tokyo day to flag them as of; text that cannot be read never stops a mail.
import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../src/local/services/mail";
import type { Runtime } from "../../src/local/runtime/runtime";
import { outbox, deployWebApp } from "../support/follow-up";
import { SECRETARIAT, issueRows, openOwners } from "../support/issues";
import { testRuntime } from "../support/runtime";

const NOTICE = "実施時期（令和8年4月）を過ぎています。現在の状況をお知らせください（予定が変わった場合は、実施時期の更新をお願いいたします）。";

/** The issue's block in a request's text: from its numbered line to the next one. */
function block(mail: OutboxEntry, id: string): string {
  const start = mail.text.indexOf(`[${id}]`);
  expect(start, `${id} in the mail`).toBeGreaterThan(0);
  const next = mail.text.slice(start).search(/\n\d+\. \[|\n\n/);
  return mail.text.slice(start, start + next);
}

function ownerOf(runtime: Runtime, id: string): string {
  return String(issueRows(runtime).find((r) => r.ID === id)!.担当者メール);
}

function setTiming(runtime: Runtime, id: string, text: string): void {
  const sheet = runtime.model.getSheetByName("課題")!;
  const values = sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: sheet.getLastColumn() });
  sheet.setCells(values.findIndex((r) => r[0] === id), values[0].indexOf("実施時期"), [[{ kind: "value", value: text }]]);
}

async function monthlyMails(runtime: Runtime, dir: string): Promise<OutboxEntry[]> {
  const run = runtime.run("runMonthlyFollowUp", [], { user: SECRETARIAT });
  expect(run.ok, run.error?.message).toBe(true);
  return (await outbox(`${dir}/outbox`)).filter((m) => m.subject.includes("ご回答のお願い"));
}

describe("the follow-up mail and 実施時期", () => {
  it("on 5/1 at 00:30 in Tokyo (still 4/30 in UTC), tells R6-023's owner that 令和8年4月 has passed — politely, once, under that issue", async () => {
    const { runtime, dir } = testRuntime({ now: "2026-05-01T00:30:00+09:00", setUp: true });
    deployWebApp(runtime);
    const mails = await monthlyMails(runtime, dir);
    const mail = mails.find((m) => m.to[0] === ownerOf(runtime, "R6-023"))!;
    // R6-023 「R8年4月施行実施」.
    expect(block(mail, "R6-023")).toContain(`\n   ※${NOTICE}`);
    expect(mail.html).toContain(`※${NOTICE}</td></tr>`);
    // 「R8年度中に方針決定」 has not ended: no notice.
    const later = mails.find((m) => m.to[0] === ownerOf(runtime, "R6-030"))!;
    expect(block(later, "R6-030")).not.toContain("※");
    // Every notice sits under an issue past its period: the demo's 11 overdue issues on 5/1 (as データ点検 lists them).
    expect(mails.flatMap((m) => m.text.match(/※実施時期（[^）]+）を過ぎています。/g) ?? [])).toHaveLength(11);
  });

  it("sends every mail when a 実施時期 cannot be read, without a notice for it", async () => {
    const { runtime, dir } = testRuntime({ now: "2026-06-01T09:00:00+09:00", setUp: true });
    deployWebApp(runtime);
    setTiming(runtime, "R6-023", "来春");
    const mails = await monthlyMails(runtime, dir);
    expect(new Set(mails.map((m) => m.to[0]))).toEqual(new Set(openOwners(runtime).keys()));
    const mail = mails.find((m) => m.to[0] === ownerOf(runtime, "R6-023"))!;
    expect(block(mail, "R6-023")).toContain("実施時期：来春");
    expect(block(mail, "R6-023")).not.toContain("※");
  });
});

describe("the sidebar's day", () => {
  it("is today in Tokyo, even when it is still yesterday in UTC", () => {
    const { runtime } = testRuntime({ now: "2026-05-01T00:30:00+09:00", setUp: true });
    deployWebApp(runtime);
    const context = runtime.run("getSidebarContext", [], { user: ownerOf(runtime, "R6-023") });
    expect(context.result).toMatchObject({ role: "owner", today: "2026-05-01" });
  });
});
