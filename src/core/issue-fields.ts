// What each editable field of 課題 accepts, how its values compare and how a save
// stores them — all read from the contract's description, so the sidebar, the web
// form and the write path agree on every field, including one added later.
import { charCount, normalizeText } from "./base/text";
import { parseDateInput } from "./base/tokyo-time";
import { dayText, sameValue } from "./contracts/contract";
import { EDITABLE_FIELDS, INPUTS, type EditableField, type FieldInput, type IssueRecord } from "./contracts/issues";
import { formatWareki } from "./wareki";

const BY_FIELD = new Map(INPUTS.map((input) => [input.field, input]));

export function inputOf(field: EditableField): FieldInput {
  return BY_FIELD.get(field) as FieldInput;
}

/** The field the follow-up form asks about every cycle: 「変更なし」 or a new value (進捗分類). */
export function askedInput(): FieldInput {
  const asked = INPUTS.find((input) => input.asked && input.kind === "choice");
  if (!asked) throw new Error("課題の契約に、進捗確認で毎回たずねる選択項目（asked）がありません。");
  return asked;
}

/** The editable fields other than the asked one: the answer form's inputs below the choice, 回答記録's columns after 回答. */
export function keptInputs(): FieldInput[] {
  return INPUTS.filter((input) => input !== askedInput());
}

function choiceOf(input: FieldInput, text: string): string | null | undefined {
  if (input.parse) return input.parse(text);
  const wanted = normalizeText(text);
  if (wanted === "") return null;
  return input.choices?.find((choice) => normalizeText(choice.value) === wanted)?.value;
}

/**
 * The value as a save leaves it, as text: a choice as its own value (any accepted
 * wording), text trimmed, a day as "2026-05-01", a number as its digits. Blank text,
 * days and numbers stay blank; undefined when the value cannot be read (a choice must be one).
 */
export function canonical(input: FieldInput, text: string): string | undefined {
  switch (input.kind) {
    case "choice":
      return choiceOf(input, text) ?? undefined;
    case "text":
      return text.trim();
    case "date": {
      if (normalizeText(text) === "") return "";
      const day = parseDateInput(text);
      return day ? dayText(day) : undefined;
    }
    case "number": {
      const digits = normalizeText(text).replace(/,/g, "");
      if (digits === "") return "";
      const number = Number(digits);
      return Number.isFinite(number) ? String(number) : undefined;
    }
  }
}

/**
 * The type of a date input for `value`: "date", or "text" when the cell holds text that is
 * no day (「6月中旬」) — a date input would show it blank and send it back cleared.
 */
export function dateInputType(value: string): "date" | "text" {
  return value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value) ? "date" : "text";
}

/** What the cell gets: a day as a date, a number as a number, anything else as text. */
export function storedValueOf(input: FieldInput, canonicalText: string): string | number | Date {
  if (canonicalText === "") return "";
  if (input.kind === "date") return parseDateInput(canonicalText) ?? canonicalText;
  if (input.kind === "number") return Number(canonicalText);
  return canonicalText;
}

/** The same value as staff see it: 「【分類2】…」 and 実施中 are one class; NFKC and surrounding spaces do not count. */
export function sameInput(input: FieldInput, a: string, b: string): boolean {
  return sameValue(canonical(input, a) ?? a.trim(), canonical(input, b) ?? b.trim());
}

/** Why `value` cannot be saved in the field, in Japanese; null when it can. */
export function fieldError(input: FieldInput, value: unknown): string | null {
  const { label, maxLength } = input;
  if (typeof value !== "string") return `${label}は文字で入力してください。`;
  const length = charCount(value);
  if (maxLength !== undefined && length > maxLength) return `${label}は${maxLength}文字以内で入力してください（現在${length}文字）。`;
  if (canonical(input, value) !== undefined) return null;
  switch (input.kind) {
    case "choice":
      return `${label}は${(input.choices ?? []).map((c) => `「${c.value}」`).join("")}から選んでください。`;
    case "date":
      return `${label}は日付で入力してください（例: 2026-05-01）。`;
    default:
      return `${label}は数字で入力してください（例: 12）。`;
  }
}

/** A value as mails and receipts show it: blank as 未設定 (a choice) or —, a day in 和暦. */
export function displayText(input: FieldInput, value: string): string {
  const text = value.trim();
  if (text === "") return input.kind === "choice" ? "未設定" : "—";
  const day = input.kind === "date" ? parseDateInput(text) : undefined;
  return day ? formatWareki(day) : text;
}

/** The values a user starts from — every editable field and the stamp — so the server can tell someone else's update. */
export function expectedOf(issue: IssueRecord): Partial<Record<EditableField | "最終更新日", string>> {
  const expected: Partial<Record<EditableField | "最終更新日", string>> = {};
  for (const field of EDITABLE_FIELDS) expected[field] = issue[field];
  expected.最終更新日 = issue.最終更新日;
  return expected;
}

/** 「実施時期と進捗メモ」, 「実施時期・次回予定日と進捗メモ」: labels as a sentence lists them. */
export function labelList(inputs: readonly FieldInput[]): string {
  const labels = inputs.map((input) => input.label);
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join("・")}と${labels[labels.length - 1]}`;
}
