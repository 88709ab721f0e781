// The files SpreadsheetApp.create makes: new workbooks kept in memory while the
// execution runs, then saved as .xlsx in the files folder (by default
// <book>-files beside the workbook) — whether the execution succeeded or not,
// since Drive keeps a file once it is made. Opened again with the runtime like
// any workbook.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CreatedFile } from "../services/spreadsheet/context";
import { createWorkbook } from "../workbook/hf-workbook";
import { saveWorkbook } from "../workbook/xlsx-store";

export interface CreatedFileRecord extends CreatedFile {
  name: string;
  path: string;
  saved: boolean;
}

export interface FilesOptions {
  /** Where the .xlsx files go. */
  dir: string;
  /** The link a created file's getUrl() gives (the workbench serves the file); a file: URL when not given. */
  url?: (fileName: string) => string;
}

/** Characters a file name cannot hold on Windows, macOS or Linux. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

export class CreatedFiles {
  readonly list: CreatedFileRecord[] = [];

  constructor(
    private readonly options: FilesOptions,
    private readonly timeZone: string,
  ) {}

  create(name: string): CreatedFile {
    const base = name.replace(UNSAFE, "_").trim().slice(0, 100) || "無題のスプレッドシート";
    let fileName = `${base}.xlsx`;
    // Drive allows two files of one name; a folder does not: the second gets a number.
    for (let n = 2; existsSync(join(this.options.dir, fileName)) || this.list.some((f) => f.path === join(this.options.dir, fileName)); n++) {
      fileName = `${base} (${n}).xlsx`;
    }
    const path = join(this.options.dir, fileName);
    const record: CreatedFileRecord = {
      id: randomBytes(33).toString("base64url"),
      url: this.options.url?.(fileName) ?? pathToFileURL(path).href,
      model: createWorkbook({ name, timeZone: this.timeZone }),
      name,
      path,
      saved: false,
    };
    this.list.push(record);
    return record;
  }

  /** Saves the files not saved yet; returns their paths. */
  async saveNew(): Promise<string[]> {
    const pending = this.list.filter((f) => !f.saved);
    if (pending.length > 0) mkdirSync(this.options.dir, { recursive: true });
    for (const file of pending) {
      await saveWorkbook(file.model, file.path);
      file.saved = true;
    }
    return pending.map((f) => f.path);
  }
}
