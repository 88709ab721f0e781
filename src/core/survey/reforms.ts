// The yearly survey of each 局区's own reforms (局区改革): who is asked — the
// 代表メール of 局区, one request per address — and the year's rows they see.
import { isValidEmail, normalizeEmail, normalizeText } from "../base/text";
import { BUREAUS } from "../contracts/bureaus";
import { REFORMS } from "../contracts/reforms";
import { parseFiscalYear } from "../base/fiscal-year";

/** What a 局区 fills in for each reform. */
export interface ReformValues {
  取組名: string;
  概要: string;
  好事例: boolean;
}

export interface ReformRow extends ReformValues {
  局区名: string;
  /** Index into the sheet's values (header = 0), so 1-based sheet row = index + 1. */
  index: number;
}

export interface BureauContact {
  email: string;
  /** The 局区 this address represents, in 局区 sheet order. */
  bureaus: string[];
}

/** The 局区改革 columns the survey cannot do without. */
export const SURVEY_FIELDS = ["年度", "局区名", "取組名", "概要", "好事例"] as const;

const PREFIX = "局区照会-";

/** 送信記録's サイクル of a year's survey ("局区照会-R8"), apart from the monthly "2026-12". */
export function surveyCycle(yearLabel: string): string {
  return `${PREFIX}${yearLabel}`;
}

/** "R8" from "局区照会-R8". */
export function surveyYear(cycle: string): string {
  if (!cycle.startsWith(PREFIX)) throw new Error(`サイクル「${cycle}」は局区照会のものではありません。`);
  return cycle.slice(PREFIX.length);
}

/** One request per 代表メール; 局区 without a usable address are listed apart. */
export function bureauContacts(bureauValues: unknown[][]): { contacts: BureauContact[]; unreachable: string[] } {
  const table = BUREAUS.fromRows(bureauValues, ["局区名", "代表メール"]);
  const byEmail = new Map<string, BureauContact>();
  const unreachable: string[] = [];
  for (const { record } of table.rows) {
    const name = normalizeText(record.局区名);
    if (!name) continue;
    const email = normalizeEmail(record.代表メール);
    if (!isValidEmail(email)) {
      unreachable.push(name);
      continue;
    }
    const contact = byEmail.get(email) ?? { email, bureaus: [] };
    if (!contact.bureaus.includes(name)) contact.bureaus.push(name);
    byEmail.set(email, contact);
  }
  return { contacts: [...byEmail.values()], unreachable };
}

/** The rows of `year` (Reiwa number) for the given 局区, in sheet order. */
export function reformRows(reformValues: unknown[][], year: number, bureaus: readonly string[]): ReformRow[] {
  const table = REFORMS.fromRows(reformValues, SURVEY_FIELDS);
  // 年度 as the cell holds it: a date or a number reads as its fiscal year too.
  const yearColumn = table.indexOf("年度") as number;
  const wanted = new Set(bureaus.map(normalizeText));
  const rows: ReformRow[] = [];
  for (const row of table.rows) {
    const { record } = row;
    const bureau = normalizeText(record.局区名);
    if (!wanted.has(bureau) || parseFiscalYear(row.cells[yearColumn]) !== year) continue;
    rows.push({ index: row.rowNumber - 1, 局区名: bureau, 取組名: record.取組名.trim(), 概要: record.概要.trim(), 好事例: record.好事例 });
  }
  return rows;
}
