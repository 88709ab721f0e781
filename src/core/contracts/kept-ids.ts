// 課題ID: a hidden copy of 課題's IDs (and 課題名), kept by the triggers. Sheets'
// change event says a row was removed but not which one: the IDs missing from
// 課題 but still listed here are the deleted rows, and 履歴 records each of them.
import { defineContract, type RecordOf } from "./contract";

export const KEPT_IDS = defineContract({
  name: "課題ID",
  fields: { ID: {}, 課題名: {} },
  required: ["ID", "課題名"],
});

export type KeptIdRecord = RecordOf<typeof KEPT_IDS.fields>;

/** The kept rows no longer in 課題 (by ID, as staff see it), in the kept order. */
export function deletedIds(kept: readonly KeptIdRecord[], current: ReadonlySet<string>): KeptIdRecord[] {
  return kept.filter((row) => row.ID !== "" && !current.has(row.ID));
}
