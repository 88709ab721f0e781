// /files/<name>.xlsx: a file SpreadsheetApp.create made (the X会議 pack's), from
// the workbook's files folder, as a download — what the link the add-on shows
// (the created file's getUrl()) opens in the workbench.
import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { basename, join } from "node:path";
import { HttpError, send } from "../server/http";

const PREFIX = "/files/";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The link to a created file, for the runtime's getUrl(). */
export function fileLink(origin: string, fileName: string): string {
  return new URL(`${PREFIX}${encodeURIComponent(fileName)}`, origin).href;
}

/** Serves /files/<name>; false when the path is not under /files/. */
export function handleFiles(dir: string, res: ServerResponse, path: string): boolean {
  if (!path.startsWith(PREFIX)) return false;
  const name = decodeURIComponent(path.slice(PREFIX.length));
  // A bare .xlsx name in the folder, nothing that could point elsewhere.
  if (name !== basename(name) || !name.endsWith(".xlsx") || name.includes("\0") || !existsSync(join(dir, name))) {
    throw new HttpError(404, "ファイルが見つかりません。");
  }
  send(res, 200, XLSX, readFileSync(join(dir, name)), { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
  return true;
}
