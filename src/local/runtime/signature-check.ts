// Apps Script checks a service method's arguments against its overloads before it
// runs, and refuses any others: "The parameters (String,String,String,String) don't
// match the method signature for Utilities.computeDigest." The overloads are the
// table generated from the typings (signatures.ts). Stricter than Apps Script where
// it converts: a number for a String parameter is refused, not turned into "25.0".
import { ENUMS, SIGNATURES } from "./signatures";

/** How the proxy sees a value: the class name of a service object, whether an object is plain data. */
export interface ValueKinds {
  classOf(value: object): string | null;
  isPlain(value: object): boolean;
}

type Check = (value: unknown, kinds: ValueKinds) => boolean;
interface Overload {
  params: Check[];
  rest: Check | null;
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === "[object Date]";

/** A parameter type of the table: "String", "Range", "(String|null)[][]", "Utilities.Charset"… */
function typeCheck(text: string): Check {
  const alternatives = splitTopLevel(text, "|").map(single);
  return (value, kinds) => alternatives.some((check) => check(value, kinds));
}

function single(text: string): Check {
  if (text.endsWith("[]")) {
    const element = typeCheck(text.slice(0, -2));
    return (value, kinds) => Array.isArray(value) && value.every((v) => element(v, kinds));
  }
  if (text.startsWith("(") && text.endsWith(")")) return typeCheck(text.slice(1, -1));
  switch (text) {
    case "Any":
      return () => true;
    case "String":
      return (value) => typeof value === "string";
    case "Number":
      return (value) => typeof value === "number";
    case "Boolean":
      return (value) => typeof value === "boolean";
    case "Date":
      return isDate;
    case "null":
      return (value) => value === null;
    case "Object":
      return (value, kinds) => typeof value === "object" && value !== null && !Array.isArray(value) && !isDate(value) && kinds.isPlain(value);
    case "BlobSource":
      return (value) => typeof (value as { getBlob?: unknown } | null)?.getBlob === "function";
  }
  const members = ENUMS[text];
  // The runtime's enum values are their names.
  if (members) return (value) => typeof value === "string" && members.includes(value);
  return (value, kinds) => typeof value === "object" && value !== null && kinds.classOf(value) === text;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, text.slice(start)];
}

function overload(signature: string): Overload {
  const params = signature === "" ? [] : splitTopLevel(signature, ",");
  const last = params.at(-1);
  if (last?.startsWith("...")) return { params: params.slice(0, -1).map(typeCheck), rest: typeCheck(last.slice(3)) };
  return { params: params.map(typeCheck), rest: null };
}

const compiled = new Map<string, Overload[]>();

function overloadsOf(method: string): Overload[] | null {
  const table = SIGNATURES[method];
  if (!table) return null;
  let found = compiled.get(method);
  if (!found) compiled.set(method, (found = table.map(overload)));
  return found;
}

function fits({ params, rest }: Overload, args: unknown[], kinds: ValueKinds): boolean {
  if (args.length < params.length || (!rest && args.length > params.length)) return false;
  return args.every((arg, i) => (i < params.length ? params[i] : rest!)(arg, kinds));
}

/** How Apps Script names an argument's type in its message. */
function typeName(value: unknown, kinds: ValueKinds): string {
  if (value === undefined) return "(class)";
  if (value === null) return "null";
  if (typeof value === "string") return "String";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") return "number";
  if (typeof value === "function") return "Function";
  if (isDate(value)) return "Date";
  if (Array.isArray(value)) {
    const names = new Set(value.map((v) => typeName(v, kinds)));
    return `${names.size === 1 ? [...names][0] : "Object"}[]`;
  }
  return kinds.classOf(value as object) ?? "Object";
}

/**
 * Throws Apps Script's message when `args` fit no overload of `method` ("Class.method"
 * in the table). `qualified` is the name the message gives (SpreadsheetApp.Range.setValues).
 * Methods not in the table are not checked.
 */
export function checkArguments(method: string, qualified: string, args: unknown[], kinds: ValueKinds): void {
  const overloads = overloadsOf(method);
  if (!overloads || overloads.some((o) => fits(o, args, kinds))) return;
  throw new Error(`The parameters (${args.map((a) => typeName(a, kinds)).join(",")}) don't match the method signature for ${qualified}.`);
}
