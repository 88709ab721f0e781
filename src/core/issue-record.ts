// An issue as the sidebar, the web form and mail see it: a plain object keyed
// by the 課題 headers, dates as ISO strings (google.script.run rejects Dates).
import { cellToText } from "./contracts/contract";
import { ISSUES, type IssueRecord } from "./contracts/issues";
import { normalizeText } from "./base/text";

export { cellToText };
export { EDITABLE_FIELDS, type EditableField, type IssueField, type IssueRecord } from "./contracts/issues";

/**
 * @deprecated used by follow-up/survey until the mailing engine moves to contracts:
 * read records with ISSUES.fromRows (or the gas table API) instead.
 */
export function issueFromRow(columns: ReadonlyMap<string, number>, cells: readonly unknown[]): IssueRecord {
  return ISSUES.recordOf({ columns }, cells);
}

/** Values compare as staff see them: NFKC, trimmed; dates by instant. */
export function sameValue(a: unknown, b: unknown): boolean {
  return normalizeText(cellToText(a)) === normalizeText(cellToText(b));
}
