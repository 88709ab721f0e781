/** @deprecated used by src/local/demo-workbook.ts until it reads SUMMARY from ./contracts/summary. */
import { SUMMARY } from "./contracts/summary";

export type { LayoutCell } from "./contracts/summary";

/** @deprecated see SUMMARY.name */
export const SUMMARY_SHEET = SUMMARY.name;

/** @deprecated see SUMMARY.layout */
export const summaryLayout = (focusYear: string) => SUMMARY.layout(focusYear);
