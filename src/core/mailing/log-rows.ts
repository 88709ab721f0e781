// Reading the mailing logs (送信記録, 回答記録) by header name, so their columns may be reordered too.
import { isDateValue, normalizeText } from "../base/text";

/** The log's rows that belong to a cycle (a row without サイクル is not a record), each as a cell-by-header reader. */
export function logRows(values: unknown[][]): ((header: string) => unknown)[] {
  const header = (values[0] ?? []).map(normalizeText);
  return values.slice(1)
    .map((row) => (h: string) => row[header.indexOf(h)])
    .filter((cell) => normalizeText(cell("サイクル")) !== "");
}

export function dateOrNull(value: unknown): Date | null {
  return isDateValue(value) ? value : null;
}
