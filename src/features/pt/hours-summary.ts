// The monthly はみだせサポート summary as a mailing: for one month, each section head
// (PTメンバー's 所属長メール) gets one mail listing their 所属's PT members and hours,
// for approval. A notice on the mailing engine: 送信記録 (サイクル PT時間-2026-11) makes
// it exactly once per head and month, whoever runs it again. Secretariat only.
import { isSecretariat } from "../../core/access";
import { listedNames, peopleFor } from "../../core/delegation";
import { PT_ACTIVITIES } from "../../core/contracts/pt-activities";
import { PT_MEMBERS } from "../../core/contracts/pt-members";
import { dayOf, fiscalYearOfDay, hoursOf } from "../../core/contracts/pt-values";
import { refuse, type Refusal } from "../../core/outcome";
import { readActivities } from "../../core/pt/activities";
import { limitMinutes, monthlySummary, type AffiliationSummary } from "../../core/pt/hours";
import { composeHoursSummary, monthLabel } from "../../core/pt/hours-mail";
import { readMembers, sectionHead } from "../../core/pt/members";
import type { Settings } from "../../core/settings";
import { InputError } from "../../core/base/sheet-table";
import { normalizeText } from "../../core/base/text";
import { activeUserEmail } from "../../gas/session";
import { loadAccessList } from "../../gas/settings";
import { requireRecords } from "../../gas/table";
import { pendingCycle, runMailingStep, type Audience, type Mailing, type Recipient, type StepReport } from "../mailing/engine";
import { sendWithConfirmation, type ManualSendResult } from "../mailing/manual-send";

const PREFIX = "PT時間-";

interface SectionHead extends Recipient {
  sections: AffiliationSummary[];
}

export const PT_HOURS: Mailing<SectionHead> = {
  handler: "continuePtHoursSummary",
  stateName: "ptHours",
  linkPurpose: null,
  linkCycle: (cycle) => cycle,
  // Notices take no answers, so no 履歴 route of their own.
  route: "サイドバー",
  audience,
};

function audience(cycle: string, settings: Settings): Audience<SectionHead> {
  const month = cycle.slice(PREFIX.length);
  const members = readMembers(requireRecords(PT_MEMBERS, []).values).map((r) => r.record);
  const activities = readActivities(requireRecords(PT_ACTIVITIES, []).values, members);
  const scheduled = settings["所定労働時間/月"];
  const year = fiscalYearOfDay(`${month}-01`);
  const heads = new Map<string, SectionHead>();
  const unreachable: string[] = [];
  for (const summary of monthlySummary(members, activities, month, scheduled)) {
    const to = sectionHead(members, year, summary.所属);
    if (!to) {
      unreachable.push(summary.所属);
      continue;
    }
    // One mail per head, even when they lead several 所属.
    const head = heads.get(to) ?? { to, count: 0, sections: [] };
    head.sections.push(summary);
    head.count += summary.rows.length;
    heads.set(to, head);
  }
  const context = { month, limitHours: hoursOf(limitMinutes(scheduled)), senderName: settings.差出人名 };
  // A head's address may be a shared one: the people 担当者 lists for it today approve (the act-for rule).
  const { directory } = loadAccessList();
  const today = dayOf(new Date());
  const listedAtAll = new Set(directory.entries.map((d) => d.address));
  const approvers = (to: string) => listedNames(peopleFor(to, today, directory));
  const nobody = [...heads.keys()].filter((to) => listedAtAll.has(to) && approvers(to) === "");
  return {
    recipients: [...heads.values()],
    composer: () => (_kind, head) => composeHoursSummary(head.sections, { ...context, approvers: approvers(head.to) }),
    confirmation: (pending) => {
      const lines = [`${monthLabel(month)}のPT活動時間のまとめを、まだ送っていない所属長 ${pending.length}名に送信します。よろしいですか？`];
      if (unreachable.length > 0) lines.push(`\nPTメンバーの「所属長メール」が空欄のため送信しない所属: ${unreachable.join("、")}`);
      if (nobody.length > 0) lines.push(`\n担当者シートに今日の担当がいない所属長メール（送信はしますが、承認できる人がいません）: ${nobody.join("、")}`);
      return lines.join("\n");
    },
  };
}

/** The month asked for ("2026-11", "2026/11"); by default last month, whose hours are complete. */
function requestedMonth(options: unknown): string {
  const given = options && typeof options === "object" && "month" in options ? (options as { month: unknown }).month : undefined;
  if (given === undefined || given === null || given === "") {
    const [year, month] = dayOf(new Date()).split("-").map(Number);
    return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
  }
  const match = /^(\d{4})[-/年](\d{1,2})月?$/.exec(normalizeText(given));
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new InputError(`月「${normalizeText(given)}」を解釈できません。「2026-11」のように指定してください。`);
  }
  return `${match[1]}-${match[2].padStart(2, "0")}`;
}

/** Menu 「PT活動時間を所属長へ送信」: asks with the numbers when someone is at the sheet, then sends what is due. */
export function sendHoursSummary(options?: { month?: string }): ManualSendResult | Refusal<"forbidden"> {
  const user = activeUserEmail();
  if (!user || !isSecretariat(user, loadAccessList())) {
    return refuse("forbidden", `PT活動時間のまとめの送信は市政変革推進室（設定シートの「事務局メール」）のみが実行できます。${user || "ログイン中のアカウント"} は登録されていません。`);
  }
  return sendWithConfirmation(PT_HOURS, `${PREFIX}${requestedMonth(options)}`, "PT活動時間を所属長へ送信");
}

/** The one-off trigger after a send stopped at the time or mail quota. */
export function continueHoursSummary(): StepReport | null {
  const cycle = pendingCycle(PT_HOURS);
  return cycle ? runMailingStep(PT_HOURS, cycle) : null;
}
