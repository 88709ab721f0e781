// 回答記録: one row per answer taken through a personal link, so a mailing knows
// who answered (no reminder for them) and a form shows the previous answer. After
// 回答 (the asked field's choice, or 「変更なし」) it keeps each other editable field
// of 課題 as saved, as the 課題 contract lists them.
// The add-on creates it on first use; a row without サイクル is not a record.
import { normalizeEmail, normalizeText } from "../base/text";
import { dateCell, defineContract, type RecordOf } from "./contract";
import { INPUTS, ISSUES, type AskedField, type EditableField } from "./issues";

/** Typed text as it was stored (not normalized: the form shows it again). */
const storedText = (cell: unknown) => String(cell ?? "");

/** The editable fields 回答記録 keeps beside 回答: all but the asked one, whose answer is 回答. */
export type KeptField = Exclude<EditableField, AskedField>;

// Each kept field is as wide (and wraps) as its 課題 column.
const kept = Object.fromEntries(INPUTS.filter((input) => !input.asked).map((input) => {
  const field: { width?: number; wrap?: true } = ISSUES.fields[input.field];
  return [input.field, { read: storedText, width: field.width, ...(field.wrap ? { wrap: field.wrap } : {}) }];
})) as Record<KeptField, { read: typeof storedText; width?: number; wrap?: true }>;

export const ANSWER_LOG = defineContract({
  name: "回答記録",
  fields: {
    日時: { read: dateCell, width: 150 },
    サイクル: { read: normalizeText, width: 110 },
    回答者: { read: normalizeEmail, width: 230 },
    ID: { read: normalizeText, width: 170 },
    回答: { read: normalizeText, width: 120 },
    ...kept,
  },
  required: [],
});

export type AnswerRecord = RecordOf<typeof ANSWER_LOG.fields>;
/** A row the add-on appends: the kept fields may be left out (the survey's answers have none). */
export type AnswerEntry = Omit<AnswerRecord, KeptField> & Partial<Pick<AnswerRecord, KeptField>>;
