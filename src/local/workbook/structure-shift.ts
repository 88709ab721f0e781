// How what Sheets keeps beside cells follows inserted and deleted rows or
// columns (count > 0 inserts at `at`, count < 0 deletes from `at`).

import type { ConditionalRule } from "./model";

/** Conditional rule ranges grow, move or shrink with the change; a rule with no range left is dropped. */
export function shiftConditionalRules(rules: ConditionalRule[], axis: "row" | "column", at: number, count: number): ConditionalRule[] {
  const startKey = axis === "row" ? "row" : "column";
  const sizeKey = axis === "row" ? "numRows" : "numColumns";
  return rules
    .map((rule) => ({
      ...rule,
      ranges: rule.ranges
        .map((range) => {
          const [start, size] = shiftSpan(range[startKey], range[sizeKey], at, count);
          return { ...range, [startKey]: start, [sizeKey]: size };
        })
        .filter((range) => range[sizeKey] > 0),
    }))
    .filter((rule) => rule.ranges.length > 0);
}

/** Values kept per row or column index (column widths) move with the change; deleted ones go. */
export function shiftKeys(map: Map<number, number>, at: number, count: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [key, value] of map) {
    if (key < at) out.set(key, value);
    else if (count > 0) out.set(key + count, value);
    else if (key >= at - count) out.set(key + count, value);
  }
  return out;
}

/** Moves a [start, start+size) span. */
function shiftSpan(start: number, size: number, at: number, count: number): [number, number] {
  if (count > 0) {
    if (at <= start) return [start + count, size];
    if (at < start + size) return [start, size + count];
    return [start, size];
  }
  const removed = -count;
  const end = start + size;
  const overlap = Math.max(0, Math.min(end, at + removed) - Math.max(start, at));
  const newStart = start >= at + removed ? start - removed : Math.min(start, at);
  return [newStart, size - overlap];
}
