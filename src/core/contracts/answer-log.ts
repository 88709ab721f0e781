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
    日時: { read: dateCell },
    サイクル: { read: normalizeText },
    回答者: { read: normalizeEmail },
    ID: { read: normalizeText },
    回答: { read: normalizeText },
    実施時期: { read: storedText },
    進捗メモ: { read: storedText },
  },
  required: [],
});

export type AnswerRecord = RecordOf<typeof ANSWER_LOG.fields>;
