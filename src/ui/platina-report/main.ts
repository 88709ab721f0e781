// The プラチナレポート dialog: preview the page in a sandboxed frame and offer
// it for download; choosing another year asks the server for that year's page.
import { isRefusal, type Refusal } from "../../core/outcome";
import { byId } from "../shared/dom";
import type { PlatinaReportApi } from "../shared/api";
import { errorText, serverFunctions } from "../shared/server";

type Report = Exclude<ReturnType<PlatinaReportApi["createPlatinaReport"]>, Refusal>;

declare const google: { script: { host: { close(): void } } };

const call = serverFunctions<PlatinaReportApi>();
const year = byId<HTMLSelectElement>("year");
const download = byId<HTMLAnchorElement>("download");
const preview = byId<HTMLIFrameElement>("preview");
const status = byId("status");

function show(report: Report): void {
  preview.srcdoc = report.html;
  download.href = `data:text/html;charset=utf-8,${encodeURIComponent(report.html)}`;
  download.download = report.fileName;
  byId("file-name").textContent = report.fileName;
}

year.addEventListener("change", async () => {
  status.textContent = "";
  year.disabled = true;
  try {
    const report = await call("createPlatinaReport", { year: year.value });
    if (isRefusal(report)) status.textContent = report.message;
    else show(report);
  } catch (failure) {
    status.textContent = `作成できませんでした: ${errorText(failure)}`;
  } finally {
    year.disabled = false;
  }
});

byId("close").addEventListener("click", () => google.script.host.close());
show({ year: year.value, fileName: download.download, html: byId<HTMLTextAreaElement>("source").value });
