// The secretariat's survey controls: 各局区への取組照会 (for a year) and the
// one-off trigger that continues it.
import { currentYear } from "../../gas/settings";
import { fiscalYearLabel, parseFiscalYear } from "../../core/base/fiscal-year";
import { InputError } from "../../core/base/sheet-table";
import { surveyCycle } from "../../core/survey/reforms";
import { normalizeText } from "../../core/base/text";
import { pendingCycle, runMailingStep, type StepReport } from "../mailing/engine";
import { sendWithConfirmation, type ManualSendResult } from "../mailing/manual-send";
import { SURVEY } from "./mailing";

/** The year asked about: options.year ("R8", "令和8年度", 2026…), else the programme's current year (設定「今年度」). */
function requestedYear(options: unknown): number {
  const given = options && typeof options === "object" && "year" in options ? (options as { year: unknown }).year : undefined;
  if (given === undefined || given === null || given === "") return currentYear();
  const year = parseFiscalYear(given);
  if (!year) throw new InputError(`年度「${normalizeText(given)}」を解釈できません。「R8」のように指定してください。`);
  return year;
}

/** 各局区への取組照会: asks first with the numbers when a person is at the sheet, then sends what is due. */
export function sendSurvey(options?: { year?: unknown }): ManualSendResult {
  const cycle = surveyCycle(fiscalYearLabel(requestedYear(options)));
  return sendWithConfirmation(SURVEY, cycle, "各局区への取組照会");
}

/** The one-off trigger: the rest after a stop, the reminder, the digest. */
export function continueSurvey(): StepReport | null {
  const cycle = pendingCycle(SURVEY);
  return cycle ? runMailingStep(SURVEY, cycle) : null;
}
