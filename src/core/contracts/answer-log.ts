// 回答記録: one row per answer taken through a personal link, so a mailing knows
// who answered (no reminder for them) and a form shows the previous answer. After
// 回答 (the asked field's choice, or 「変更なし」) it keeps each other editable field
// of 課題 as saved, as the 課題 contract lists them.
// 回答者 is the person who answered; 担当アドレス the address they answered for when
// it is not their own (a section's shared address), with their 立場 — so the
// address answered for is 担当アドレス, else 回答者 (rows of older releases).
// The add-on creates it on first use; a row without サイクル is not a record.
import { normalizeEmail, normalizeText } from "../base/text";
import { dateCell, defineContract, type RecordOf } from "./contract";
import { recordedActor, type Actor, type Standing } from "./history";
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
    担当アドレス: { read: normalizeEmail, width: 210 },
    立場: { read: normalizeText, width: 90 },
    ID: { read: normalizeText, width: 170 },
    回答: { read: normalizeText, width: 120 },
    ...kept,
  },
  required: [],
});

export type AnswerRecord = RecordOf<typeof ANSWER_LOG.fields>;
/** A row the add-on appends: the kept fields may be left out (the survey's answers have none). */
export type AnswerEntry = Omit<AnswerRecord, KeptField | "立場"> & Partial<Pick<AnswerRecord, KeptField>> & { 立場: Standing };

/** The address an answer was for: 担当アドレス when someone answered for a section, else 回答者 itself. */
export function answeredAddress(record: Pick<AnswerRecord, "回答者" | "担当アドレス">): string {
  return record.担当アドレス || record.回答者;
}

/** 回答者, 担当アドレス and 立場 of a row for what `actor` answered. */
export function answerActor(actor: Actor): Pick<AnswerEntry, "回答者" | "担当アドレス" | "立場"> {
  const { 利用者, 担当アドレス, 立場 } = recordedActor(actor);
  return { 回答者: 利用者, 担当アドレス, 立場 };
}
