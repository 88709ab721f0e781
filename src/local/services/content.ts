// ContentService offline: text outputs a doGet/doPost returns, served by the
// local web-app server with the HTTP type from CONTENT_TYPES.
import type { ExecutionEnv } from "../execution/env";
import { defineEnum } from "./api-surface";

type MimeType = GoogleAppsScript.Content.MimeType;

/** The Content-Type header each ContentService.MimeType is served with. */
export const CONTENT_TYPES: Record<string, string> = {
  ATOM: "application/atom+xml",
  CSV: "text/csv",
  ICAL: "text/calendar",
  JAVASCRIPT: "application/javascript",
  JSON: "application/json",
  RSS: "application/rss+xml",
  TEXT: "text/plain",
  VCARD: "text/vcard",
  XML: "text/xml",
};

type MimeTypeName = keyof typeof GoogleAppsScript.Content.MimeType;
const MIME_TYPE = defineEnum<typeof GoogleAppsScript.Content.MimeType>(Object.keys(CONTENT_TYPES) as MimeTypeName[]);

export class LocalTextOutput implements GoogleAppsScript.Content.TextOutput {
  private content: string;
  private mimeType = "TEXT";
  private fileName: string | null = null;

  constructor(content = "") {
    this.content = String(content);
  }

  append(addedContent: string): LocalTextOutput {
    this.content += String(addedContent);
    return this;
  }

  clear(): LocalTextOutput {
    this.content = "";
    return this;
  }

  downloadAsFile(filename: string): LocalTextOutput {
    if (!filename) throw new Error("Invalid argument: filename");
    this.fileName = String(filename);
    return this;
  }

  getContent(): string {
    return this.content;
  }

  /** Null unless downloadAsFile() was called, as in Apps Script. */
  getFileName(): string {
    return this.fileName as string;
  }

  getMimeType(): MimeType {
    return this.mimeType as unknown as MimeType;
  }

  setContent(content: string): LocalTextOutput {
    this.content = String(content);
    return this;
  }

  setMimeType(mimeType: MimeType): LocalTextOutput {
    const name = String(mimeType);
    if (!Object.hasOwn(CONTENT_TYPES, name)) throw new Error("Invalid argument: mimeType");
    this.mimeType = name;
    return this;
  }
}

class LocalContentService implements GoogleAppsScript.Content.ContentService {
  MimeType = MIME_TYPE;

  createTextOutput(content?: string): LocalTextOutput {
    return new LocalTextOutput(content);
  }
}

export function createContentService(_env: ExecutionEnv): GoogleAppsScript.Content.ContentService {
  return new LocalContentService();
}
