// The print button: the page's own print CSS lays it out on A4 landscape. On an
// X会議 pack, a second button makes the pack's spreadsheet file and links to it.
import type { MeetingPackApi } from "../shared/api";
import { byId } from "../shared/dom";
import { errorText, serverFunctions } from "../shared/server";
import { isRefusal } from "../../core/outcome";

document.getElementById("print")?.addEventListener("click", () => window.print());

const save = document.getElementById("save-file") as HTMLButtonElement | null;
if (save) {
  const call = serverFunctions<MeetingPackApi>();
  const status = byId("file-status");
  save.addEventListener("click", async () => {
    save.disabled = true;
    status.textContent = "作成しています…";
    try {
      const result = await call("createMeetingPack", { meeting: save.dataset.meeting, file: true });
      if (isRefusal(result)) {
        status.textContent = result.message;
        return;
      }
      status.textContent = "";
      const link = document.createElement("a");
      link.href = result.file!.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = `作成したファイル「${result.file!.name}」を開く`;
      status.append(link);
    } catch (failure) {
      status.textContent = `作成できませんでした: ${errorText(failure)}`;
    } finally {
      save.disabled = false;
    }
  });
}
