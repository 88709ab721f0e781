// A browser page whose requests to the web app's /exec reach the runtime's
// doGet/doPost, as the deployed web app would (the visitor is anonymous).
import type { Browser, Page } from "playwright-core";
import type { Runtime } from "../../src/local/runtime/runtime";
import { WEB_APP } from "./follow-up";
import { SECRETARIAT } from "./issues";

export async function openWebApp(browser: Browser, runtime: Runtime, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.route(`${WEB_APP}**`, async (route) => {
    const request = route.request();
    const body = request.postData() ?? undefined;
    const execution = runtime.webRequest({
      method: request.method() === "POST" ? "POST" : "GET",
      query: new URL(request.url()).search.slice(1),
      body: body ? { type: "application/x-www-form-urlencoded", contents: body } : undefined,
      visitor: "",
      deployer: SECRETARIAT,
    });
    const html = execution.ok ? (execution.result as { getContent(): string }).getContent() : `<p>${execution.error?.message}</p>`;
    await route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
  });
  return page;
}
