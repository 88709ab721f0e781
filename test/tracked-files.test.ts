// `npm test` never writes tracked files: browser tests keep their pictures in the
// git-ignored test-artifacts/, and README's pictures (docs/first-run/) are written
// only by `npm run screenshots`, which `npm test` does not run.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import vitestConfig from "../vitest.config";
import { ARTIFACTS } from "./support/browser";

const root = join(import.meta.dirname, "..");
const SCREENSHOTS_SCRIPT = join(root, "scripts", "screenshots.ts");

/** The TypeScript files under `dir`, this guard aside (it names what it looks for). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => file !== import.meta.filename);
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  if (!parsed.has(file)) parsed.set(file, ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  return parsed.get(file)!;
}

/** The string literals of a TypeScript file's code (comments aside). */
function literals(file: string): string[] {
  const source = parse(file);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The path expressions of the file's `.screenshot({ path })` calls, as written. */
function screenshotPaths(file: string): string[] {
  if (!readFileSync(file, "utf8").includes("screenshot(")) return [];
  const source = parse(file);
  const paths: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "screenshot") {
      for (const arg of node.arguments.filter(ts.isObjectLiteralExpression)) {
        for (const property of arg.properties) {
          if (ts.isPropertyAssignment(property) && property.name.getText(source) === "path") paths.push(property.initializer.getText(source));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return paths;
}

/** A path built on test/support/browser.ts's ARTIFACTS (or an alias the file imports it as), or on "test-artifacts". */
function underArtifacts(file: string, path: string): boolean {
  const aliases = ["ARTIFACTS", ...[...parse(file).text.matchAll(/\bARTIFACTS as (\w+)/g)].map(([, alias]) => alias!)];
  return new RegExp(`^join\\((${aliases.join("|")}),`).test(path) || /^join\(root, "test-artifacts",/.test(path);
}

/** Whether the code names README's pictures folder, as "docs/first-run" or as the path parts "docs", "first-run". */
function namesGuidePictures(file: string): boolean {
  if (!readFileSync(file, "utf8").includes("first-run")) return false;
  const texts = literals(file);
  return texts.some((t) => t.includes("docs/first-run")) || (texts.includes("docs") && texts.includes("first-run"));
}

describe("npm test writes no tracked file", () => {
  it("keeps the browser tests' screenshots in test-artifacts/, which git ignores", () => {
    expect(relative(root, ARTIFACTS)).toBe("test-artifacts");
    const ignored = readFileSync(join(root, ".gitignore"), "utf8").split("\n").map((line) => line.trim());
    expect(ignored).toContain("test-artifacts/");
    // Every picture a test saves goes into that folder.
    const elsewhere = sources(join(root, "test")).flatMap((file) => screenshotPaths(file).filter((path) => !underArtifacts(file, path)).map((path) => `${relative(root, file)}: ${path}`));
    expect(elsewhere).toEqual([]);
  });

  it("leaves README's pictures to npm run screenshots, which the test run does not include", () => {
    expect(namesGuidePictures(SCREENSHOTS_SCRIPT)).toBe(true);
    const writers = sources(join(root, "test")).filter(namesGuidePictures);
    expect(writers.map((file) => relative(root, file))).toEqual([]);
    // The test run's files are all under test/; the script is run by its own config.
    for (const pattern of vitestConfig.test?.include ?? []) expect(pattern).toMatch(/^test\//);
    const importers = sources(join(root, "test")).filter((file) => readFileSync(file, "utf8").includes("screenshots") && literals(file).some((t) => t.includes("scripts/screenshots")));
    expect(importers.map((file) => relative(root, file))).toEqual([]);
  });
});
