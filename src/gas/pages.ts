// The HTML pages the add-on serves: one per src/ui folder (the build checks the
// list against the folders), each built into build/NAME.html.

export const PAGES = ["answer", "data-check", "platina-report", "report-dialog", "report-print", "sidebar", "survey"] as const;
export type PageName = (typeof PAGES)[number];

type Output = GoogleAppsScript.HTML.HtmlOutput;

/** A page as it is, without template values. */
export function page(name: PageName): Output {
  return HtmlService.createHtmlOutputFromFile(name);
}

/** A templated page evaluated with `data` as its template variables. */
export function templatePage(name: PageName, data: Record<string, unknown>): Output {
  const template = HtmlService.createTemplateFromFile(name);
  Object.assign(template, data);
  return template.evaluate();
}

/** A web-app page (the forms behind the mails' links): titled, and scaled for phones. */
export function webPage(name: PageName, data: Record<string, unknown>, title: string): Output {
  return templatePage(name, data).setTitle(title).addMetaTag("viewport", "width=device-width, initial-scale=1");
}

/** A page built from HTML text (no file): for short generated views. */
export function htmlPage(html: string): Output {
  return HtmlService.createHtmlOutput(html);
}
