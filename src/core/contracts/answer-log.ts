// 回答記録: one row per answer taken through a personal link, so a mailing knows
// who answered (no reminder for them) and a form shows the previous answer.
// The add-on creates it on first use; a row without サイクル is not a record.
import { normalizeEmail, normalizeText } from "../base/text";
import { dateCell, defineContract, type RecordOf } from "./contract";

/** Typed text as it was stored (not normalized: the form shows it again). */
const storedText = (cell: unknown) => String(cell ?? "");

export const ANSWER_LOG = defineContract({
  name: "回答記録",
  fields: {
    日時: { read: dateCell, width: 150 },
    サイクル: { read: normalizeText, width: 110 },
    回答者: { read: normalizeEmail, width: 230 },
    ID: { read: normalizeText, width: 170 },
    回答: { read: normalizeText, width: 120 },
    実施時期: { read: storedText, width: 120 },
    進捗メモ: { read: storedText, width: 320, wrap: true },
  },
  required: [],
});

export type AnswerRecord = RecordOf<typeof ANSWER_LOG.fields>;
