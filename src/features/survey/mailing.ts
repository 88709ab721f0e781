// 各局区への取組照会 as a mailing: once a year each 局区's 代表メール is asked for
// the year's own reforms (送信記録's サイクル 局区照会-R8, apart from the monthly
// follow-up), with a reminder and a digest of the answers and 好事例 candidates.
import { ANSWER_STATUS } from "../../core/contracts/answer-status";
import { BUREAUS } from "../../core/contracts/bureaus";
import { REFORMS } from "../../core/contracts/reforms";
import { parseFiscalYear } from "../../core/base/fiscal-year";
import { reiwaYear } from "../../core/progress-report";
import type { Settings } from "../../core/settings";
import { composeSurveyDigest, surveyDigestRows } from "../../core/survey/digest";
import { composeSurveyRequest } from "../../core/survey/mail";
import { bureauContacts, reformRows, surveyYear, type BureauContact } from "../../core/survey/reforms";
import { requireRecords } from "../../gas/table";
import type { Audience, Mailing, Recipient } from "../mailing/engine";

const SURVEY_CONTINUE_HANDLER = "continueBureauSurvey";

interface Contact extends Recipient {
  contact: BureauContact;
}

export const SURVEY: Mailing<Contact> = {
  handler: SURVEY_CONTINUE_HANDLER,
  stateName: "survey",
  linkPurpose: "survey",
  // The form reads the year from the link: "R8".
  linkCycle: surveyYear,
  route: "局区照会",
  audience,
};

function audience(cycle: string, settings: Settings): Audience<Contact> {
  const year = parseFiscalYear(surveyYear(cycle)) as number;
  const { contacts, unreachable } = bureauContacts(requireRecords(BUREAUS, []).values);
  const yearRows = () => reformRows(requireRecords(REFORMS, []).values, year, contacts.flatMap((c) => c.bureaus));
  return {
    recipients: contacts.map((contact) => ({ to: contact.email, count: contact.bureaus.length, contact })),
    composer: ({ dates, link }) => {
      // One read of 局区改革 for every mail of this step.
      const rows = yearRows();
      return (kind, { to, contact }) => composeSurveyRequest(contact, rows, { year, deadline: dates.deadline, link: link(to), senderName: settings.差出人名, kind });
    },
    digest: ({ answered, changes }) => {
      const input = { year, sheetName: ANSWER_STATUS.nameFor(cycle), contacts, unreachable, answered, senderName: settings.差出人名, rows: yearRows(), changes };
      return { rows: surveyDigestRows(input), mail: composeSurveyDigest(input) };
    },
    confirmation: (pending) => {
      const bureaus = pending.reduce((n, c) => n + c.count, 0);
      const lines = [`${reiwaYear(year)}の自主改革の取組照会を、まだ送っていない ${bureaus}局区（${pending.length}アドレス）に送信します。よろしいですか？`];
      if (unreachable.length) {
        lines.push(`\n代表メールが未設定か、メールアドレスとして正しくないため送信しない局区: ${unreachable.join("、")}`);
        lines.push("局区シートの「代表メール」を直してから、もう一度実行してください（正しくないアドレスの場所は「データ点検」で確認できます）。");
      }
      return lines.join("\n");
    },
  };
}
