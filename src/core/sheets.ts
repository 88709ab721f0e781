/**
 * @deprecated used by follow-up/survey until the mailing engine moves to contracts.
 * Sheet names and headers live in src/core/contracts/; this only restates them.
 */
import { BUREAUS } from "./contracts/bureaus";
import { HISTORY } from "./contracts/history";
import { ISSUES } from "./contracts/issues";
import { REFORMS } from "./contracts/reforms";
import { SETTINGS } from "./contracts/settings";
import { SUMMARY } from "./contracts/summary";

/** @deprecated used by follow-up/survey until the mailing engine moves to contracts */
export const SHEET = {
  issues: ISSUES.name,
  reforms: REFORMS.name,
  bureaus: BUREAUS.name,
  history: HISTORY.name,
  settings: SETTINGS.name,
  summary: SUMMARY.name,
} as const;
