// The sources' TypeScript files and their imports, read with the compiler's parser,
// and the cycles among them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const ROOT = resolve(import.meta.dirname, "..", "..");

export interface SourceImport {
  /** Path from the repository root, without extension ("src/core/base/text"). */
  target: string;
  typeOnly: boolean;
}

export type Imports = (file: string) => SourceImport[];

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

export function parse(path: string, text = readFileSync(join(ROOT, path), "utf8")): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
}

/** Relative imports and re-exports of a file, resolved to repository paths (parsed once per test worker: the tests read each file's imports several times). */
export function importsOf(path: string): SourceImport[] {
  let found = importsByPath.get(path);
  if (!found) importsByPath.set(path, (found = readImports(path)));
  return found;
}
const importsByPath = new Map<string, SourceImport[]>();

function readImports(path: string): SourceImport[] {
  const source = parse(path);
  const found: SourceImport[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) return;
    found.push({ target: relative(ROOT, resolve(ROOT, dirname(path), specifier.text)), typeOnly });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) add(statement.moduleSpecifier, !!statement.importClause?.isTypeOnly);
    else if (ts.isExportDeclaration(statement)) add(statement.moduleSpecifier, statement.isTypeOnly);
  }
  // `typeof import("./x")` in a type position is type-only too.
  const visit = (node: ts.Node): void => {
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Folders that import each other through a cycle (each listed cycle once). */
export function folderCycles(files: string[], imports: Imports = importsOf): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const from = dirname(file);
    for (const { target } of imports(file)) {
      const to = dirname(target);
      if (to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
    }
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const walk = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      const cycle = path.slice(at);
      const key = [...cycle].sort().join(" ");
      if (!seen.has(key)) (seen.add(key), cycles.push(cycle));
      return;
    }
    for (const next of edges.get(node) ?? []) walk(next, [...path, node]);
  };
  for (const node of edges.keys()) walk(node, []);
  return cycles;
}

/** Files that import each other through a cycle: each group of files that reach one another, once, sorted. */
export function fileCycles(files: string[], imports: Imports = importsOf): string[][] {
  const strip = (path: string) => path.replace(/\.ts$/, "");
  const edges = new Map(files.map((file) => [strip(file), imports(file).map((i) => i.target)]));
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group = stack.splice(stack.indexOf(node));
    if (group.length > 1 || edges.get(node)!.includes(node)) groups.push(group.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups;
}
