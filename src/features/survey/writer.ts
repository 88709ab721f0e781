// The write path of a survey answer, like issue-writer's: under the document
// lock, read 局区改革 once, plan on the rows as they are now, then write the
// changed rows (one setValues per run of adjacent rows), the added rows and
// 履歴 — each in one write, whatever the number of rows.
import { InputError } from "../../core/base/sheet-table";
import { REFORMS } from "../../core/contracts/reforms";
import { planSurveySave, type ItemResult, type PlanContext, type SavePlan, type Submission } from "../../core/survey/submission";
import { BusyError, withWriteLock } from "../../gas/lock";
import { appendRows, requireRecords, writeFieldColumns, type SheetRecords } from "../../gas/table";
import { appendHistory, prepareHistoryHeader } from "../../gas/history-log";

export type SurveySaveResult = { ok: true; results: ItemResult[] } | { ok: false; message: string };

export function saveSurvey(submission: Submission, context: PlanContext): SurveySaveResult {
  try {
    return withWriteLock(() => {
      const table = requireRecords(REFORMS, []);
      const plan = planSurveySave(table.values, submission, context);
      // 履歴's header checked (and completed) before the first write: no save without its record.
      const historyHeader = prepareHistoryHeader();
      writeChangedRows(table, plan.cells);
      appendRows(table.sheet, plan.appends);
      appendHistory(plan.history, historyHeader);
      return { ok: true, results: plan.results };
    });
  } catch (error) {
    if (error instanceof BusyError) return { ok: false, message: error.message };
    // 局区改革 missing a header: nothing is saved, and the input stays in the form.
    if (error instanceof InputError) return { ok: false, message: `${error.message} 市政変革推進室にご連絡ください。` };
    throw error;
  }
}

type Table = SheetRecords<keyof typeof REFORMS.fields & string, unknown>;

/** Rows next to each other are written together; a cell left unchanged in such a run keeps the value read under the lock. */
function writeChangedRows(table: Table, cells: SavePlan["cells"]): void {
  const indexes = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < indexes.length) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
    const run = indexes.slice(start, end + 1);
    const fields = new Set(run.flatMap((i) => [...(cells.get(i) ?? new Map()).keys()]));
    const block: Partial<Record<string, unknown[]>> = {};
    for (const field of fields) {
      const column = table.indexOf(field) as number;
      block[field] = run.map((i) => (cells.get(i)?.has(field) ? cells.get(i)?.get(field) : table.values[i][column]));
    }
    writeFieldColumns(table.sheet, table, run[0] + 1, block);
    start = end + 1;
  }
}
