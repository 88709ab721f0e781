// The write path of a survey answer, like issue-writer's: under the document
// lock, read 局区改革 once, plan on the rows as they are now, then write the
// changed rows (one setValues per run of adjacent rows), the added rows and
// 履歴 — each in one write, whatever the number of rows.
import { planSurveySave, type ItemResult, type PlanContext, type Submission } from "../../core/survey/submission";
import { InputError } from "../../core/base/sheet-table";
import { SHEET } from "../../core/sheets";
import { BusyError, withDocumentLock } from "../../gas/lock";
import { appendRows, requireSheet, writeColumns, type SheetData } from "../../gas/sheet-table";
import { appendHistory } from "../issue-writer";

export type SurveySaveResult = { ok: true; results: ItemResult[] } | { ok: false; message: string };

export function saveSurvey(submission: Submission, context: PlanContext): SurveySaveResult {
  try {
    return withDocumentLock(() => {
      const data = requireSheet(SHEET.reforms);
      const plan = planSurveySave(data.values, submission, context);
      writeChangedRows(data, plan.cells);
      appendRows(data.sheet, plan.appends);
      appendHistory(plan.history);
      return { ok: true, results: plan.results };
    });
  } catch (error) {
    if (error instanceof BusyError) return { ok: false, message: error.message };
    // 局区改革 missing a header: nothing is saved, and the input stays in the form.
    if (error instanceof InputError) return { ok: false, message: `${error.message} 市政変革推進室にご連絡ください。` };
    throw error;
  }
}

/** Rows next to each other are written together; a cell left unchanged in such a run keeps the value read under the lock. */
function writeChangedRows(data: SheetData, cells: Map<number, Map<number, unknown>>): void {
  const indexes = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < indexes.length) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
    const run = indexes.slice(start, end + 1);
    const columns = new Set(run.flatMap((i) => [...(cells.get(i) as Map<number, unknown>).keys()]));
    const block = new Map<number, unknown[]>();
    for (const col of columns) block.set(col, run.map((i) => (cells.get(i)?.has(col) ? cells.get(i)?.get(col) : data.values[i][col])));
    writeColumns(data.sheet, run[0] + 1, block);
    start = end + 1;
  }
}
