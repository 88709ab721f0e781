// 各局区への取組照会: once a year each 局区's 代表メール is asked for the year's
// own reforms, through the follow-up's exactly-once machinery (送信記録 with
// サイクル 局区照会-R8), with a reminder and a digest to the secretariat.
import { cycleDates } from "../../core/follow-up/cycle";
import { alreadyHandled, answeredOwners, readAnswerLog, readSendLog, requestedAt, type SendKind, type SendRecord } from "../../core/follow-up/send-log";
import { fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../../core/fiscal-year";
import { InputError } from "../../core/sheet-table";
import { SHEET } from "../../core/sheets";
import { normalizeText } from "../../core/text";
import { reiwaYear } from "../../core/progress-report";
import { composeSurveyDigest, surveyDigestRows } from "../../core/survey/digest";
import { composeSurveyRequest } from "../../core/survey/mail";
import { bureauContacts, reformRows, surveyCycle, surveyYear, type BureauContact } from "../../core/survey/reforms";
import { sendMail } from "../../gas/mail";
import { loadSettings } from "../../gas/settings";
import { requireSheet } from "../../gas/sheet-table";
import { tell, uiOrNull } from "../../gas/ui";
import { stepSummary } from "../follow-up/controls";
import { requireSecretariat } from "../secretariat";
import { answerLogSheet, sendLogSheet } from "../follow-up/logs";
import { SECRETARIAT_KEY, linkMaker, pendingCycle, receivedChanges, runMailingStep, writeDigestSheet, type Mailing, type StepReport, type Task } from "../follow-up/run";

export const SURVEY_CONTINUE_HANDLER = "continueBureauSurvey";

export const SURVEY: Mailing = {
  handler: SURVEY_CONTINUE_HANDLER,
  pendingKey: "platina.survey.cycle",
  lastRunKey: "platina.survey.lastRun",
  due: surveyDue,
};

function surveyDue(cycle: string, now: Date, log: readonly SendRecord[]) {
  const yearLabel = surveyYear(cycle);
  const year = parseFiscalYear(yearLabel) as number;
  const { settings } = loadSettings();
  const { contacts, unreachable } = bureauContacts(requireSheet(SHEET.bureaus).values);
  const dates = cycleDates(requestedAt(log, cycle) ?? now, settings);
  const answered = answeredOwners(readAnswerLog(answerLogSheet().values), cycle);
  const handled = (kind: SendKind, to: string) => alreadyHandled(log, cycle, kind, to);
  const tasks: Task[] = [];
  if (now <= dates.deadline) {
    const due = contacts.flatMap((c): ["依頼" | "再依頼", BureauContact][] => {
      if (!handled("依頼", c.email)) return [["依頼", c]];
      return now >= dates.remindAt && !answered.has(c.email) && !handled("再依頼", c.email) ? [["再依頼", c]] : [];
    });
    if (due.length > 0) {
      // One read of 局区改革 for every mail of this step.
      const rows = reformRows(requireSheet(SHEET.reforms).values, year, contacts.flatMap((c) => c.bureaus));
      const link = linkMaker("survey", yearLabel, dates.deadline);
      for (const [kind, contact] of due) {
        tasks.push({
          kind,
          to: contact.email,
          count: contact.bureaus.length,
          send: () => {
            const mail = composeSurveyRequest(contact, rows, { year, deadline: dates.deadline, link: link(contact.email), senderName: settings.差出人名, kind });
            sendMail({ to: contact.email, ...mail, name: settings.差出人名, replyTo: settings.返信先 || undefined });
          },
        });
      }
    }
  } else if (!handled("まとめ", SECRETARIAT_KEY) && settings.事務局メール.length > 0) {
    tasks.push({
      kind: "まとめ",
      to: SECRETARIAT_KEY,
      count: contacts.length,
      send: () => {
        const input = {
          year, sheetName: `回答状況_${cycle}`, contacts, unreachable, answered, senderName: settings.差出人名,
          rows: reformRows(requireSheet(SHEET.reforms).values, year, contacts.flatMap((c) => c.bureaus)),
          changes: receivedChanges(dates.requested, "局区照会"),
        };
        writeDigestSheet(cycle, surveyDigestRows(input));
        sendMail({ to: settings.事務局メール.join(","), ...composeSurveyDigest(input), name: settings.差出人名 });
      },
    });
  }
  return { tasks, dates, settings };
}

/** The year asked about: options.year ("R8", "令和8年度", 2026…), else the current fiscal year. */
function requestedYear(options: unknown): number {
  const given = options && typeof options === "object" && "year" in options ? (options as { year: unknown }).year : undefined;
  if (given === undefined || given === null || given === "") return fiscalYearOfDate(new Date());
  const year = parseFiscalYear(given);
  if (!year) throw new InputError(`年度「${normalizeText(given)}」を解釈できません。「R8」のように指定してください。`);
  return year;
}

/** 各局区への取組照会: confirms with the numbers when a person is at the sheet, then sends what is due. */
export function sendBureauSurvey(options?: { year?: unknown }): StepReport | { cancelled: true } {
  requireSecretariat("取組照会の送信");
  const year = requestedYear(options);
  const cycle = surveyCycle(fiscalYearLabel(year));
  const ui = uiOrNull();
  if (ui) {
    const { contacts, unreachable } = bureauContacts(requireSheet(SHEET.bureaus).values);
    const log = readSendLog(sendLogSheet().values);
    const pending = contacts.filter((c) => !alreadyHandled(log, cycle, "依頼", c.email));
    const bureaus = pending.reduce((n, c) => n + c.bureaus.length, 0);
    const lines = [`${reiwaYear(year)}の自主改革の取組照会を、まだ送っていない ${bureaus}局区（${pending.length}アドレス）に送信します。よろしいですか？`];
    if (unreachable.length) lines.push(`\n代表メールが未設定のため送信しない局区: ${unreachable.join("、")}`);
    const answer = ui.alert("各局区への取組照会", lines.join("\n"), ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) return { cancelled: true };
  }
  const report = runMailingStep(SURVEY, cycle);
  tell("各局区への取組照会", stepSummary(report));
  return report;
}

/** The one-off trigger: the rest after a stop, the reminder, the digest. */
export function continueSurvey(): StepReport | null {
  const cycle = pendingCycle(SURVEY);
  return cycle ? runMailingStep(SURVEY, cycle) : null;
}
