// The page's selection as it arrives in a request body: checked field by field,
// so a malformed one is refused with what is wrong instead of reaching the add-on.
import type { ActiveSelection } from "../protocol/api-types";
import { HttpError } from "../server/http";

function count(value: unknown, name: string, min: number): number {
  if (!Number.isInteger(value) || (value as number) < min) throw new HttpError(400, `selection.${name} の値が不正です。`);
  return value as number;
}

export function readSelection(value: unknown): ActiveSelection {
  const body = (value ?? {}) as { sheet?: unknown; range?: Record<string, unknown>; current?: Record<string, unknown> };
  if (typeof body.sheet !== "string" || !body.range || !body.current) throw new HttpError(400, "selection は sheet, range, current で指定してください。");
  return {
    sheet: body.sheet,
    range: {
      row: count(body.range.row, "range.row", 0),
      column: count(body.range.column, "range.column", 0),
      numRows: count(body.range.numRows, "range.numRows", 1),
      numColumns: count(body.range.numColumns, "range.numColumns", 1),
    },
    current: { row: count(body.current.row, "current.row", 0), column: count(body.current.column, "current.column", 0) },
  };
}
