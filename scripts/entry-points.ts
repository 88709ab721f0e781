// Reads src/entry-points.ts: each exported function's name, parameters and JSDoc.
// The build emits them as Apps Script globals; the contract test checks the result.
import { readFileSync } from "node:fs";
import ts from "typescript";

export interface EntryPoint {
  name: string;
  params: string[];
  /** The JSDoc block as written, including the opening and closing markers. */
  jsdoc: string;
  customFunction: boolean;
}

export function readEntryPoints(file: string): EntryPoint[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const entries: EntryPoint[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const name = statement.name.text;
    const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
    const doc = comments.map((c) => text.slice(c.pos, c.end)).filter((c) => c.startsWith("/**")).pop();
    if (!doc) throw new Error(`${file}: エントリポイント ${name} に JSDoc がありません。`);
    if (name.endsWith("_")) throw new Error(`${file}: エントリポイント ${name} の名前は _ で終われません（Apps Script で非公開になります）。`);
    entries.push({
      name,
      params: statement.parameters.map((p) => p.name.getText(source)),
      jsdoc: doc,
      customFunction: /@customfunction\b/.test(doc),
    });
  }
  return entries;
}
