// プラチナレポートを作成: the year's 好事例 as a web page. Returns the page so
// the CLI and the local workbench can save it; from the menu, a dialog offers
// a preview and a download link.
import { fiscalYearLabel, parseFiscalYear } from "../core/base/fiscal-year";
import { platinaReportFileName, platinaReportHtml, reformYears } from "../core/platina-report";
import { BUREAUS } from "../core/contracts/bureaus";
import { InputError } from "../core/contracts/contract";
import { REFORMS } from "../core/contracts/reforms";
import { normalizeText } from "../core/base/text";
import { templatePage } from "../gas/pages";
import { loadSettings, currentYear } from "../gas/settings";
import { readRecords, requireRecords } from "../gas/table";
import { uiOrNull } from "../gas/ui";
import { last } from "../core/order";

export interface PlatinaReport {
  year: string;
  fileName: string;
  html: string;
}

/** The page for `options.year` (default: the latest year in 局区改革 up to the current year); the dialog when run from the menu. */
export function buildPlatinaReport(options?: { year?: unknown }): PlatinaReport {
  const reforms = requireRecords(REFORMS, []).values;
  const years = reformYears(reforms);
  const chosen = options && typeof options === "object" && "year" in options;
  const current = currentYear();
  const year = chosen ? requireYear(options.year) : (last(years.filter((y) => y <= current)) ?? current);
  const html = platinaReportHtml({
    reforms,
    bureaus: readRecords(BUREAUS, [])?.values ?? [],
    year,
    issuedOn: new Date(),
    publisher: loadSettings().settings.差出人名,
  });
  const report = { year: fiscalYearLabel(year), fileName: platinaReportFileName(year), html };
  const ui = uiOrNull();
  if (ui && !chosen) {
    const dialog = templatePage("platina-report", { years: (years.length > 0 ? years : [year]).map(fiscalYearLabel), report });
    ui.showModalDialog(dialog.setWidth(900).setHeight(640), "プラチナレポートを作成");
  }
  return report;
}

function requireYear(value: unknown): number {
  const year = parseFiscalYear(value);
  if (!year) throw new InputError(`年度「${normalizeText(value)}」を解釈できません。「R7」のように指定してください。`);
  return year;
}
