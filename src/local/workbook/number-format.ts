// Sheets number formats: which ones are dates, and how getDisplayValues()
// renders a value with one. Covers the patterns spreadsheets use day to day
// (dates, fixed decimals, grouping, percent, literal text), not every corner.

export const GENERAL = "General";
export const DEFAULT_DATE_FORMAT = "yyyy/MM/dd";
export const DEFAULT_DATE_TIME_FORMAT = "yyyy/MM/dd H:mm:ss";
export const DEFAULT_TIME_FORMAT = "H:mm:ss";

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const WEEKDAYS_SHORT = ["日", "月", "火", "水", "木", "金", "土"];

export function isGeneral(format: string | null | undefined): boolean {
  return !format || /^general$/i.test(format.trim());
}

/** Removes quoted text, escapes and [colour]/[condition] blocks, which never hold date tokens. */
function stripLiterals(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

export function isDateFormat(format: string | null | undefined): boolean {
  if (isGeneral(format)) return false;
  // Asked per cell of every range a custom function reads; a workbook has a handful of formats.
  let answer = dateFormats.get(format as string);
  if (answer === undefined) {
    answer = /[ydhs]|m/i.test(stripLiterals(splitSections(format as string)[0]).replace(/general/gi, ""));
    if (dateFormats.size < 1000) dateFormats.set(format as string, answer);
  }
  return answer;
}

const dateFormats = new Map<string, boolean>();

/** Sheets' "automatic" rendering of a number. */
export function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e15) return String(n);
  if (abs >= 1e15 || (abs !== 0 && abs < 1e-9)) {
    const [mantissa, exponent] = n.toExponential(9).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const exp = Number(exponent);
    return `${trimmed}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** The text getDisplayValues() shows for a raw cell value under `format`. */
export function formatValue(value: number | string | boolean | null, format: string | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (isGeneral(format)) return formatGeneralNumber(value);
  const sections = splitSections(format as string);
  let section = sections[0];
  let n = value;
  if (n < 0 && sections.length > 1 && sections[1] !== "") {
    section = sections[1];
    n = -n;
  } else if (n === 0 && sections.length > 2 && sections[2] !== "") {
    section = sections[2];
  }
  if (isDateFormat(section)) return formatDateSerial(n, section);
  return formatNumber(n, section);
}

type Token = { kind: "literal"; text: string } | { kind: "field"; text: string };

/** Splits a section into literal text and unquoted pattern runs. */
function tokenize(section: string, fieldChars: RegExp): Token[] {
  const tokens: Token[] = [];
  const pushLiteral = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "literal") last.text += text;
    else tokens.push({ kind: "literal", text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      pushLiteral(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      pushLiteral(section[i + 1] ?? "");
      i++;
    } else if (ch === "_") {
      pushLiteral(" ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      // [h] / [mm] elapsed-time brackets keep their letters; colours and conditions vanish.
      if (/^[hms]+$/i.test(inner)) tokens.push({ kind: "field", text: inner });
      i = end < 0 ? section.length : end;
    } else if (fieldChars.test(ch)) {
      let j = i;
      while (j + 1 < section.length && section[j + 1].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: "field", text: section.slice(i, j + 1) });
      i = j;
    } else {
      pushLiteral(ch);
    }
  }
  return tokens;
}

function formatDateSerial(serial: number, section: string): string {
  const hasAmPm = /am\/pm|a\/p/i.test(section);
  // Private-use placeholders keep AM/PM and fractional seconds out of the letter runs.
  const normalized = section
    .replace(/am\/pm/gi, "\u0001")
    .replace(/a\/p/gi, "\u0002")
    .replace(/(s+)\.(0+)/gi, (_m, s: string, zeros: string) => s + "\u0003".repeat(zeros.length));
  const tokens = tokenize(normalized, /[ymdhs\u0001\u0002\u0003]/i);
  const fields = tokens.filter((t) => t.kind === "field");

  // Round to the precision shown: whole seconds unless fractions follow the seconds.
  const fractionDigits = Math.min(3, (normalized.match(/\u0003/g) ?? []).length);
  const unit = 1000 / 10 ** fractionDigits;
  const d = new Date(Math.round(((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY) / unit) * unit);
  const hour = d.getUTCHours();

  return tokens
    .map((token) => {
      if (token.kind === "literal") return token.text;
      const len = token.text.length;
      const at = fields.indexOf(token);
      switch (token.text[0].toLowerCase()) {
        case "y":
          return len <= 2 ? String(d.getUTCFullYear() % 100).padStart(2, "0") : String(d.getUTCFullYear());
        case "m": {
          const prev = fields[at - 1]?.text[0].toLowerCase();
          const next = fields[at + 1]?.text[0].toLowerCase();
          if (len <= 2 && (prev === "h" || next === "s")) return pad(d.getUTCMinutes(), len);
          return len <= 2 ? pad(d.getUTCMonth() + 1, len) : `${d.getUTCMonth() + 1}月`;
        }
        case "d":
          if (len <= 2) return pad(d.getUTCDate(), len);
          return len === 3 ? WEEKDAYS_SHORT[d.getUTCDay()] : `${WEEKDAYS_SHORT[d.getUTCDay()]}曜日`;
        case "h":
          return pad(hasAmPm ? hour % 12 || 12 : hour, len);
        case "s":
          return pad(d.getUTCSeconds(), len);
        case "\u0001":
          return hour < 12 ? "AM" : "PM";
        case "\u0002":
          return hour < 12 ? "A" : "P";
        default:
          return "." + String(d.getUTCMilliseconds()).padStart(3, "0").slice(0, len);
      }
    })
    .join("");
}

function pad(n: number, width: number): string {
  return String(n).padStart(Math.min(width, 2), "0");
}

function formatNumber(n: number, section: string): string {
  const tokens = tokenize(section, /[0#?.,%@]/);
  if (tokens.some((t) => t.kind === "field" && t.text.includes("@"))) {
    return tokens.map((t) => (t.kind === "literal" ? t.text : t.text.includes("@") ? formatGeneralNumber(n) : t.text)).join("");
  }
  const percentCount = tokens.reduce((k, t) => k + (t.kind === "field" ? (t.text.match(/%/g)?.length ?? 0) : 0), 0);
  const digitsSpec = tokens
    .filter((t) => t.kind === "field")
    .map((t) => t.text.replace(/%/g, ""))
    .join("");
  const firstDigit = tokens.findIndex((t) => t.kind === "field" && /[0#?.]/.test(t.text));
  if (firstDigit < 0) return tokens.map((t) => (t.kind === "literal" ? t.text : t.text.replace(/,/g, ""))).join("") || formatGeneralNumber(n);
  let lastDigit = firstDigit;
  tokens.forEach((t, i) => {
    if (t.kind === "field" && /[0#?.]/.test(t.text)) lastDigit = i;
  });

  const [intSpecRaw, decSpec = ""] = digitsSpec.split(".");
  const trailingCommas = /,+$/.exec(intSpecRaw)?.[0].length ?? 0;
  const intSpec = intSpecRaw.slice(0, intSpecRaw.length - trailingCommas);
  const grouping = intSpec.includes(",");
  const minInt = (intSpec.match(/0/g) ?? []).length;
  const minDec = (decSpec.match(/0/g) ?? []).length;
  const maxDec = (decSpec.match(/[0#?]/g) ?? []).length;

  const scaled = (Math.abs(n) * 100 ** percentCount) / 1000 ** trailingCommas;
  let [intDigits, decDigits = ""] = scaled.toFixed(maxDec).split(".");
  while (decDigits.length > minDec && decDigits.endsWith("0")) decDigits = decDigits.slice(0, -1);
  if (intDigits === "0" && minInt === 0) intDigits = "";
  intDigits = intDigits.padStart(minInt, "0");
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = decDigits ? `${intDigits}.${decDigits}` : intDigits;
  const negative = n < 0 && Number(scaled.toFixed(maxDec)) !== 0;

  let out = "";
  tokens.forEach((t, i) => {
    if (i === firstDigit) out += (negative ? "-" : "") + number;
    if (t.kind === "literal") out += t.text;
    else if (i < firstDigit || i > lastDigit) out += t.text.replace(/[^%]/g, "");
  });
  return out;
}
