// 督促: after a cycle's deadline, each 局区's representative (局区's 代表メール — a
// person, or a section address acted for by the people 担当者 lists) gets one mail
// naming the bureau's sections that have not answered and who acts for each.
import { columnLetter } from "../base/a1";
import { isValidEmail, normalizeEmail, normalizeText } from "../base/text";
import { BUREAUS } from "../contracts/bureaus";
import type { IssueRecord } from "../contracts/issues";
import type { Day } from "../contracts/pt-values";
import { peopleFor, type Delegation, type Directory } from "../delegation";
import { compareText } from "../order";
import type { CycleDates } from "../mailing/schedule";
import type { OwnerRequest } from "./recipients";

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the 督促 goes out: 督促日 days after the deadline day, at 送信時刻 (Tokyo). */
export function escalationAt(dates: CycleDates, settings: { 督促日: number; 送信時刻: number }): Date {
  // dates.deadline is the last second of the deadline day; +1 s is the next day's midnight.
  const dayAfter = dates.deadline.getTime() + 1000;
  return new Date(dayAfter + (settings.督促日 - 1) * DAY_MS + settings.送信時刻 * 3600_000);
}

/** A section (担当者メール) that has not answered, as a bureau's 督促 lists it. */
export interface UnansweredSection {
  section: string;
  address: string;
  issues: IssueRecord[];
  /** Who acts for the address on the 督促's day (担当 first); empty when 担当者 lists nobody. */
  people: Delegation[];
}

export interface BureauEscalation {
  bureau: string;
  sections: UnansweredSection[];
}

/** One mail: to one representative address, naming the sections of each bureau it represents. */
export interface EscalationMail {
  to: string;
  bureaus: BureauEscalation[];
  /** Where 局区 holds the address when no mail can go to it (「局区シート 6行目 C列「代表メール」」); null when it can. */
  badAddress: string | null;
}

export interface EscalationPlan {
  mails: EscalationMail[];
  /** Bureaus with unanswered sections and no 代表メール (or no row in 局区): nobody to write to. */
  unreachable: BureauEscalation[];
}

/**
 * Who is escalated to. An owner whose issues belong to two bureaus is named to
 * both, with that bureau's issues only. Sorted by bureau name, so mails and the
 * digest list them the same way every time.
 */
export function planEscalation(requests: readonly OwnerRequest[], answered: ReadonlySet<string>, bureauValues: unknown[][], directory: Directory, day: Day): EscalationPlan {
  const table = BUREAUS.fromRows(bureauValues.length ? bureauValues : [[...BUREAUS.headers]], []);
  const column = columnLetter((table.indexOf("代表メール") ?? 0) + 1);
  const reps = new Map<string, { address: string; where: string }>();
  for (const { record, rowNumber } of table.rows) {
    const name = normalizeText(record.局区名);
    if (name && !reps.has(name)) reps.set(name, { address: normalizeEmail(record.代表メール), where: `${BUREAUS.name}シート ${rowNumber}行目 ${column}列「代表メール」` });
  }
  const byBureau = new Map<string, UnansweredSection[]>();
  for (const request of requests) {
    if (answered.has(request.owner)) continue;
    const issuesByBureau = new Map<string, IssueRecord[]>();
    for (const issue of request.issues) {
      const bureau = normalizeText(issue.制度所管局);
      issuesByBureau.set(bureau, [...(issuesByBureau.get(bureau) ?? []), issue]);
    }
    for (const [bureau, issues] of issuesByBureau) {
      const section = normalizeText(issues[0].所管課) || request.section;
      const entry = { section, address: request.owner, issues, people: peopleFor(request.owner, day, directory) };
      byBureau.set(bureau, [...(byBureau.get(bureau) ?? []), entry]);
    }
  }
  const mails = new Map<string, EscalationMail>();
  const unreachable: BureauEscalation[] = [];
  for (const bureau of [...byBureau.keys()].sort(compareText)) {
    const sections = (byBureau.get(bureau) ?? []).sort((a, b) => compareText(a.section, b.section) || compareText(a.address, b.address));
    const rep = reps.get(bureau);
    if (!rep || rep.address === "") {
      unreachable.push({ bureau, sections });
      continue;
    }
    const mail = mails.get(rep.address) ?? { to: rep.address, bureaus: [], badAddress: isValidEmail(rep.address) ? null : rep.where };
    mail.bureaus.push({ bureau, sections });
    mails.set(rep.address, mail);
  }
  return { mails: [...mails.values()], unreachable };
}

/** 送信記録's 件数 of a 督促: the sections it names. */
export function sectionCount(mail: EscalationMail): number {
  return mail.bureaus.reduce((n, b) => n + b.sections.length, 0);
}

/** Why no 督促 goes to the address, and what to do — 送信記録's エラー and 送信状況 show it. */
export function badRepresentativeMessage(mail: EscalationMail): string {
  return `代表メール「${mail.to}」はメールアドレスとして正しくないため、督促を送信しませんでした（${mail.badAddress}）。` +
    "局区シートで正しいアドレスに直してください。";
}
