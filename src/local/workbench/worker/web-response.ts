// What a doGet/doPost execution returned, reduced to what the HTTP thread serves.
import type { ExecutionResult } from "../../runtime/runtime";
import { CONTENT_TYPES } from "../../services/content";
import type { WebResponse } from "../protocol/worker-protocol";

interface TextOutputLike {
  getContent(): string;
  getMimeType(): unknown;
  getFileName(): string | null;
}

interface HtmlOutputLike {
  getContent(): string;
  getTitle(): string;
  getMetaTags(): { getName(): string; getContent(): string }[];
}

export function webResponse(result: ExecutionResult): WebResponse {
  if (!result.ok) return { kind: "error", status: 500, message: result.error?.message ?? "" };
  const output = result.result as Partial<TextOutputLike & HtmlOutputLike> | null | undefined;
  if (output && typeof output.getMimeType === "function") {
    const text = output as TextOutputLike;
    const type = CONTENT_TYPES[String(text.getMimeType())] ?? "text/plain";
    return { kind: "text", content: text.getContent(), contentType: `${type}; charset=utf-8`, fileName: text.getFileName() };
  }
  if (output && typeof output.getTitle === "function") {
    const html = output as HtmlOutputLike;
    const metaTags = html.getMetaTags().map((tag) => ({ name: tag.getName(), content: tag.getContent() }));
    return { kind: "html", content: html.getContent(), title: html.getTitle(), metaTags };
  }
  // Apps Script's message when doGet/doPost returns something else.
  return { kind: "error", status: 500, message: "The script completed but the returned value is not a supported return type." };
}
