// Writes src/local/runtime/signatures.ts: the parameter lists Apps Script accepts for
// every method of each service class the add-on calls, read from @types/google-apps-script (which
// lists each overload). The local runtime refuses any other arguments, as Apps Script
// does ("The parameters (…) don't match the method signature for …").
//   npx tsx scripts/api-signatures.ts          rewrite the table
// test/local/runtime/signatures.test.ts fails when the table is not what this derives.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SIGNATURES_FILE = join(root, "src", "local", "runtime", "signatures.ts");

export interface ApiSignatures {
  /** "Class.method" → its overloads, each a comma-separated list of parameter types. */
  signatures: Record<string, string[]>;
  /** "Namespace.Enum" → member names, for enum parameters. */
  enums: Record<string, string[]>;
}

function program(): ts.Program {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile).config as object;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  // Without the DOM's typings (the add-on has no DOM): a smaller program whose calls resolve the same.
  return ts.createProgram([join(root, "src", "entry-points.ts")], { ...options, lib: ["lib.es2022.d.ts"], noEmit: true });
}

const fromTypings = (node: ts.Node) => node.getSourceFile().fileName.includes("@types/google-apps-script");

/** The overloads of every method of each Apps Script class the bundle's code calls, and the enums they take. */
export function deriveApiSignatures(): ApiSignatures {
  const prog = program();
  const checker = prog.getTypeChecker();
  const enums: Record<string, string[]> = {};
  const signatures: Record<string, string[]> = {};

  const enumName = (symbol: ts.Symbol): string => {
    const declaration = symbol.declarations![0] as ts.EnumDeclaration;
    const name = `${(declaration.parent.parent as ts.ModuleDeclaration).name.text}.${declaration.name.text}`;
    enums[name] ??= declaration.members.map((m) => (m.name as ts.Identifier).text);
    return name;
  };

  /** A union element is parenthesized: "(String|null)[]". */
  const array = (element: string) => (/\|/.test(element.replace(/\([^()]*\)/g, "")) ? `(${element})[]` : `${element}[]`);

  const token = (node: ts.TypeNode | undefined): string => {
    if (!node) return "Any";
    if (ts.isParenthesizedTypeNode(node)) return token(node.type);
    if (ts.isUnionTypeNode(node)) return [...new Set(node.types.map(token))].join("|");
    if (ts.isArrayTypeNode(node)) return array(token(node.elementType));
    if (ts.isLiteralTypeNode(node)) {
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) return "null";
      if (ts.isStringLiteral(node.literal)) return "String";
      if (ts.isNumericLiteral(node.literal)) return "Number";
      return "Boolean";
    }
    if (ts.isTypeLiteralNode(node)) return "Object";
    if (ts.isFunctionTypeNode(node)) return "Function";
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return "String";
      case ts.SyntaxKind.NumberKeyword:
        return "Number";
      case ts.SyntaxKind.BooleanKeyword:
        return "Boolean";
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return "Any";
      case ts.SyntaxKind.ObjectKeyword:
        return "Object";
    }
    if (!ts.isTypeReferenceNode(node)) throw new Error(`Unknown parameter type: ${node.getText()}`);
    if (ts.isIdentifier(node.typeName) && node.typeName.text === "Array") return array(token(node.typeArguments?.[0]));
    const type = checker.getTypeFromTypeNode(node);
    if (type.flags & ts.TypeFlags.NumberLike && !(type.flags & ts.TypeFlags.EnumLike)) return "Number";
    // String literal unions (FontWeight: "normal" | "bold") are Strings to Apps Script.
    if (type.flags & ts.TypeFlags.StringLike || (type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.StringLike))) return "String";
    if (type.flags & ts.TypeFlags.BooleanLike) return "Boolean";
    const symbol = type.aliasSymbol ?? type.symbol;
    if (symbol.flags & ts.SymbolFlags.Enum) return enumName(symbol);
    if (symbol.name === "Date") return "Date";
    if (symbol.name === "Object") return "Any";
    const declaration = symbol.declarations?.find(ts.isInterfaceDeclaration);
    if (!declaration) throw new Error(`Unknown parameter type: ${node.getText()}`);
    // An interface with methods is a service class; one of properties only is an options object.
    return declaration.members.some(ts.isMethodSignature) ? symbol.name : "Object";
  };

  /** An overload with optional parameters is each of its lengths. */
  const overloads = (method: ts.MethodSignature): string[] => {
    const params = method.parameters.map((p) => (p.dotDotDotToken ? `...${token((p.type as ts.ArrayTypeNode).elementType)}` : token(p.type)));
    const required = method.parameters.filter((p) => !p.questionToken && !p.dotDotDotToken).length;
    return Array.from({ length: params.length - required + 1 }, (_, i) => params.slice(0, required + i).join(","));
  };

  /** Every method of a class the add-on uses, so a method it starts calling is already checked. */
  const classes = new Set<ts.InterfaceDeclaration>();
  const record = (owner: ts.InterfaceDeclaration) => {
    for (const member of owner.members) {
      if (!ts.isMethodSignature(member)) continue;
      const key = `${owner.name.text}.${(member.name as ts.Identifier).text}`;
      signatures[key] = [...new Set([...(signatures[key] ?? []), ...overloads(member)])];
    }
  };

  // Only a call by one of these names can resolve to a method of the typings: the checker (the slow part) is asked about no other.
  const methodNames = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (ts.isMethodSignature(node) && ts.isInterfaceDeclaration(node.parent)) methodNames.add((node.name as ts.Identifier).text);
    ts.forEachChild(node, collect);
  };
  for (const file of prog.getSourceFiles()) if (file.fileName.includes("@types/google-apps-script")) collect(file);
  const calleeName = (callee: ts.Expression): string | null => {
    if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
    if (ts.isIdentifier(callee)) return callee.text;
    if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
    return null; // (f)(), f()(): asked about as before
  };

  for (const file of prog.getSourceFiles()) {
    if (file.isDeclarationFile || !file.fileName.startsWith(join(root, "src"))) continue;
    const visit = (node: ts.Node): void => {
      const name = ts.isCallExpression(node) ? calleeName(node.expression) : null;
      if (ts.isCallExpression(node) && (name === null || methodNames.has(name))) {
        const declaration = checker.getResolvedSignature(node)?.getDeclaration();
        if (declaration && ts.isMethodSignature(declaration) && fromTypings(declaration)) classes.add(declaration.parent as ts.InterfaceDeclaration);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  classes.forEach(record);
  const sorted = <T>(object: Record<string, T>) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b, "en")));
  return { signatures: sorted(signatures), enums: sorted(enums) };
}

export function renderSignatures({ signatures, enums }: ApiSignatures): string {
  const lines = (object: Record<string, string[]>) =>
    Object.entries(object).map(([key, list]) => `  ${JSON.stringify(key)}: ${JSON.stringify(list).replace(/","/g, '", "')},`).join("\n");
  return `// Generated by scripts/api-signatures.ts from @types/google-apps-script — do not edit.
// The overloads of every method of each Apps Script class the add-on calls ("Class.method" →
// parameter lists); the service proxy refuses other arguments as Apps Script does.

export const SIGNATURES: Readonly<Record<string, readonly string[]>> = {
${lines(signatures)}
};

export const ENUMS: Readonly<Record<string, readonly string[]>> = {
${lines(enums)}
};
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const derived = deriveApiSignatures();
  writeFileSync(SIGNATURES_FILE, renderSignatures(derived));
  console.log(`${SIGNATURES_FILE}: ${Object.keys(derived.signatures).length} methods, ${Object.keys(derived.enums).length} enums`);
}
