import { identity } from "../../support/contexts";
import { describe, expect, it } from "vitest";
import { emptyState, type ExecutionEnv } from "../../../src/local/execution/env";
import { CONTENT_TYPES, createContentService } from "../../../src/local/services/content";

const env: ExecutionEnv = {
  clock: { now: () => 0, sleep: () => undefined },
  timeZone: "Asia/Tokyo",
  ...identity(""),
  state: emptyState(),
  log: () => undefined,
  ui: null,
};
const ContentService = createContentService(env);

describe("ContentService", () => {
  it("builds text with append, setContent and clear", () => {
    const output = ContentService.createTextOutput("a").append("b");
    expect(output.getContent()).toBe("ab");
    expect(output.setContent("new").getContent()).toBe("new");
    expect(output.clear().getContent()).toBe("");
    expect(ContentService.createTextOutput().getContent()).toBe("");
  });

  it("is TEXT until another MimeType is set, and maps each to its HTTP type", () => {
    const output = ContentService.createTextOutput("{}");
    expect(output.getMimeType()).toBe(ContentService.MimeType.TEXT);
    output.setMimeType(ContentService.MimeType.JSON);
    expect(output.getMimeType()).toBe(ContentService.MimeType.JSON);
    expect(CONTENT_TYPES[String(output.getMimeType())]).toBe("application/json");
    expect(() => output.setMimeType("PDF" as unknown as GoogleAppsScript.Content.MimeType)).toThrow("Invalid argument: mimeType");
  });

  it("has no file name until downloadAsFile", () => {
    const output = ContentService.createTextOutput("a,b");
    expect(output.getFileName()).toBeNull();
    expect(output.downloadAsFile("report.csv").getFileName()).toBe("report.csv");
  });
});
