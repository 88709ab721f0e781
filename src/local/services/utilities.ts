// Utilities offline: Java SimpleDateFormat dates in any IANA zone, sprintf,
// digests/HMAC/RSA as Java signed bytes, base64 (web-safe keeps padding), Blobs.
import { createHash, createHmac, randomUUID, sign } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { ExecutionEnv } from "../runtime/env";

type Byte = number;
type Charset = GoogleAppsScript.Utilities.Charset;

/** Apps Script enums: each member's value is its own name, so `String(x)` and `==` behave as in Apps Script. */
export function apiEnum<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
}

export function unsupported(name: string): Error {
  return new Error(`platina のローカル実行環境では ${name} は未対応です`);
}

const MAX_SLEEP_MS = 300_000;
const DIGESTS: Record<string, string> = { MD5: "md5", SHA_1: "sha1", SHA_256: "sha256", SHA_384: "sha384", SHA_512: "sha512" };
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const PATTERN_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX";
const DAY_MS = 86_400_000;

// ---- time zones -------------------------------------------------------------

export interface Zone {
  /** Milliseconds to add to UTC to get the zone's wall clock at that instant. */
  offset(utcMs: number): number;
  name(utcMs: number, long: boolean): string;
}

const zones = new Map<string, Zone | null>();

/** A Java time zone id: an IANA name, "UTC", "GMT" or "GMT+9" / "GMT+09:00"; null when unknown. */
export function findZone(id: string): Zone | null {
  if (!zones.has(id)) zones.set(id, fixedZone(id) ?? intlZone(id));
  return zones.get(id) ?? null;
}

function fixedZone(id: string): Zone | null {
  const m = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(id);
  if (!m) return null;
  const offset = (m[1] === "-" ? -1 : 1) * (Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60_000;
  const label = m[1] ? `GMT${offsetText(offset, ":")}` : "GMT";
  return { offset: () => offset, name: (_, long) => (long && !m[1] ? "Greenwich Mean Time" : label) };
}

function intlZone(id: string): Zone | null {
  let fields: Intl.DateTimeFormat;
  try {
    fields = new Intl.DateTimeFormat("en-US", {
      timeZone: id, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
  } catch {
    return null;
  }
  const names = (style: "short" | "long") => new Intl.DateTimeFormat("en-US", { timeZone: id, timeZoneName: style });
  const short = names("short");
  const long = names("long");
  const zoneName = (f: Intl.DateTimeFormat, utcMs: number) => f.formatToParts(utcMs).find((p) => p.type === "timeZoneName")?.value ?? id;
  const offset = (utcMs: number) => {
    const p = Object.fromEntries(fields.formatToParts(utcMs).map((part) => [part.type, Number(part.value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000;
  };
  return {
    offset,
    name(utcMs, wantLong) {
      const full = zoneName(long, utcMs);
      if (wantLong) return full;
      const abbr = zoneName(short, utcMs);
      if (!abbr.startsWith("GMT")) return abbr;
      // ICU has no abbreviation for most zones; Java says "JST" for "Japan Standard Time".
      const words = full.split(" ");
      if (words.length === 3 && /^(Standard|Daylight) Time$/.test(words.slice(1).join(" "))) return words.map((w) => w[0]).join("");
      return `GMT${offsetText(offset(utcMs), ":")}`;
    },
  };
}

/** Java reads an unknown zone id as GMT. */
function zoneOrGmt(id: string): Zone {
  return findZone(id) ?? (findZone("GMT") as Zone);
}

/** The UTC instant whose wall clock in `zone` reads `wallMs` (wall clock expressed as if it were UTC). */
export function wallToUtc(zone: Zone, wallMs: number): number {
  const guess = wallMs - zone.offset(wallMs);
  return wallMs - zone.offset(guess);
}

function offsetText(offsetMs: number, separator: string): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60), 2)}${separator}${pad(minutes % 60, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// ---- SimpleDateFormat ---------------------------------------------------------

type Token = { letter: string; count: number } | { text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ text: "'" });
        i += 2;
        continue;
      }
      let text = "";
      for (i++; ; i++) {
        if (i >= pattern.length) throw new Error("Unterminated quote");
        if (pattern[i] !== "'") text += pattern[i];
        else if (pattern[i + 1] === "'") text += pattern[i++];
        else break;
      }
      tokens.push({ text });
      i++;
    } else if (/[A-Za-z]/.test(c)) {
      if (!PATTERN_LETTERS.includes(c)) throw new Error(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      tokens.push({ letter: c, count });
      i += count;
    } else {
      tokens.push({ text: c });
      i++;
    }
  }
  return tokens;
}

interface Fields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
}

function wallFields(wallMs: number): Fields {
  const d = new Date(wallMs);
  const year = d.getUTCFullYear();
  return {
    year, month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(), dayOfYear: Math.floor((wallMs - Date.UTC(year, 0, 1)) / DAY_MS) + 1,
  };
}

/** Java's default (US) weeks: they start on Sunday and week 1 is the one holding January 1st. */
function weekOfYear(f: Fields): { week: number; weekYear: number } {
  const daysInYear = f.year % 4 === 0 && (f.year % 100 !== 0 || f.year % 400 === 0) ? 366 : 365;
  if (f.dayOfYear + (6 - f.weekday) > daysInYear) return { week: 1, weekYear: f.year + 1 };
  const jan1Weekday = (((f.weekday - (f.dayOfYear - 1)) % 7) + 7) % 7;
  return { week: Math.floor((f.dayOfYear - 1 + jan1Weekday) / 7) + 1, weekYear: f.year };
}

function formatField(letter: string, count: number, f: Fields, zone: Zone, utcMs: number, offset: number): string {
  const num = (n: number) => pad(n, count);
  const text = (names: string[], i: number) => (count >= 4 ? names[i] : names[i].slice(0, 3));
  switch (letter) {
    case "G": return f.year > 0 ? "AD" : "BC";
    case "y": return count === 2 ? pad(f.year % 100, 2) : num(f.year);
    case "Y": {
      const { weekYear } = weekOfYear(f);
      return count === 2 ? pad(weekYear % 100, 2) : num(weekYear);
    }
    case "M":
    case "L": return count >= 3 ? text(MONTHS, f.month - 1) : num(f.month);
    case "w": return num(weekOfYear(f).week);
    case "W": return num(Math.floor((f.day - 1 + ((((f.weekday - (f.day - 1)) % 7) + 7) % 7)) / 7) + 1);
    case "D": return num(f.dayOfYear);
    case "d": return num(f.day);
    case "F": return num(Math.floor((f.day - 1) / 7) + 1);
    case "E": return text(DAYS, f.weekday);
    case "u": return num(f.weekday === 0 ? 7 : f.weekday);
    case "a": return f.hour < 12 ? "AM" : "PM";
    case "H": return num(f.hour);
    case "k": return num(f.hour || 24);
    case "K": return num(f.hour % 12);
    case "h": return num(f.hour % 12 || 12);
    case "m": return num(f.minute);
    case "s": return num(f.second);
    case "S": return num(f.ms);
    case "z": return zone.name(utcMs, count >= 4);
    case "Z": return offsetText(offset, "");
    default: { // X: ISO 8601
      if (count > 3) throw new Error(`invalid ISO 8601 format: length=${count}`);
      if (offset === 0) return "Z";
      const full = offsetText(offset, count === 3 ? ":" : "");
      return count === 1 ? full.slice(0, 3) : full;
    }
  }
}

function formatDate(date: Date, timeZone: string, pattern: string): string {
  const zone = zoneOrGmt(timeZone);
  const utcMs = date.getTime();
  const offset = zone.offset(utcMs);
  const fields = wallFields(utcMs + offset);
  return tokenize(pattern)
    .map((t) => ("text" in t ? t.text : formatField(t.letter, t.count, fields, zone, utcMs, offset)))
    .join("");
}

function matchName(source: string, at: number, names: string[]): { index: number; length: number } | null {
  const rest = source.slice(at).toLowerCase();
  for (const full of [true, false]) {
    const index = names.findIndex((n) => rest.startsWith((full ? n : n.slice(0, 3)).toLowerCase()));
    if (index >= 0) return { index, length: full ? names[index].length : 3 };
  }
  return null;
}

/** SimpleDateFormat.parse: lenient (out-of-range fields roll over) and text after the pattern is ignored. */
function parseDate(source: string, timeZone: string, pattern: string, now: number): Date {
  const fail = () => new Error(`Unparseable date: "${source}"`);
  const tokens = tokenize(pattern);
  const v = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | null = null;
  let twelveHour = false;
  let twoDigitYear = false;
  let offset: number | null = null;
  let at = 0;
  tokens.forEach((t, i) => {
    if ("text" in t) {
      if (!source.startsWith(t.text, at)) throw fail();
      at += t.text.length;
      return;
    }
    const next = tokens[i + 1];
    // Java reads a number followed directly by another number field with exactly its pattern width.
    const abutting = next !== undefined && "letter" in next && !"EazZX".includes(next.letter) && !("ML".includes(next.letter) && next.count >= 3);
    const number = () => {
      const m = (abutting ? new RegExp(`^\\d{1,${t.count}}`) : /^\d+/).exec(source.slice(at));
      if (!m) throw fail();
      at += m[0].length;
      return { value: Number(m[0]), digits: m[0].length };
    };
    const name = (names: string[]) => {
      const found = matchName(source, at, names);
      if (!found) throw fail();
      at += found.length;
      return found.index;
    };
    switch (t.letter) {
      case "y":
      case "Y": {
        const { value, digits } = number();
        v.year = value;
        twoDigitYear = t.count <= 2 && digits === 2;
        break;
      }
      case "M":
      case "L": v.month = t.count >= 3 ? name(MONTHS) + 1 : number().value; break;
      case "d": v.day = number().value; break;
      case "E": name(DAYS); break;
      case "a": pm = name(["AM", "PM"]) === 1; break;
      case "H": v.hour = number().value; break;
      case "k": v.hour = number().value % 24; break;
      case "h":
      case "K": v.hour = number().value % 12; twelveHour = true; break;
      case "m": v.minute = number().value; break;
      case "s": v.second = number().value; break;
      case "S": v.ms = number().value; break;
      case "z":
      case "Z":
      case "X": {
        const m = /^(?:Z|(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?|GMT|UTC)/.exec(source.slice(at));
        if (!m) throw fail();
        at += m[0].length;
        offset = m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000 : 0;
        break;
      }
      case "G": name(["AD", "BC"]); break;
      default: number(); // fields that do not change the instant (D, w, W, F, u)
    }
  });
  if (twelveHour && pm) v.hour += 12;
  if (twoDigitYear) {
    // Java puts a 2-digit year within 80 years before and 20 years after now.
    const nowYear = new Date(now).getUTCFullYear();
    v.year += Math.floor((nowYear - 80) / 100) * 100;
    if (v.year < nowYear - 80) v.year += 100;
  }
  const wall = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, v.ms);
  if (offset !== null) return new Date(wall - offset);
  return new Date(wallToUtc(zoneOrGmt(timeZone), wall));
}

// ---- sprintf ------------------------------------------------------------------

function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(/%([-+0 ]*)(\d+)?(?:\.(\d+))?([sdif%])/g, (_match, flags: string, width?: string, precision?: string, kind?: string) => {
    if (kind === "%") return "%";
    const arg = args[next++];
    let out: string;
    if (kind === "s") out = precision === undefined ? String(arg) : String(arg).slice(0, Number(precision));
    else {
      const n = Number(arg);
      out = kind === "f" ? n.toFixed(precision === undefined ? 6 : Number(precision)) : String(Math.trunc(n));
      if (flags.includes("+") && n >= 0) out = `+${out}`;
    }
    const w = Number(width ?? 0);
    if (out.length >= w) return out;
    if (flags.includes("-")) return out.padEnd(w);
    if (flags.includes("0") && kind !== "s") {
      const sign = /^[+-]/.test(out) ? out[0] : "";
      return sign + out.slice(sign.length).padStart(w - sign.length, "0");
    }
    return out.padStart(w);
  });
}

// ---- bytes ----------------------------------------------------------------------

/** Strings become UTF-8 unless US_ASCII is asked for (then non-ASCII becomes '?', as in Java); default is UTF-8. */
function toBytes(data: string | ArrayLike<Byte>, charset?: Charset | string): Buffer {
  if (typeof data === "string") {
    return String(charset) === "US_ASCII" ? Buffer.from(data.replace(/[^\x00-\x7f]/g, "?"), "latin1") : Buffer.from(data, "utf8");
  }
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

/** Java bytes are signed: -128…127. */
function signedBytes(buffer: Uint8Array): Byte[] {
  return Array.from(new Int8Array(buffer.buffer, buffer.byteOffset, buffer.length));
}

function decodeBase64(encoded: string, webSafe: boolean): Byte[] {
  const text = encoded.replace(/\s+/g, "");
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(text)) throw new Error("Could not decode string.");
  return signedBytes(Buffer.from(text, webSafe ? "base64url" : "base64"));
}

function hmac(algorithm: string, value: string | Byte[], key: string | Byte[], charset?: Charset): Byte[] {
  return signedBytes(createHmac(algorithm, toBytes(key, charset)).update(toBytes(value, charset)).digest());
}

// ---- Blob -------------------------------------------------------------------------

const EXTENSION_TYPES: Record<string, string> = {
  txt: "text/plain", csv: "text/csv", html: "text/html", htm: "text/html", json: "application/json", js: "application/javascript",
  xml: "text/xml", pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif",
  zip: "application/zip", gz: "application/x-gzip",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function encodeString(text: string, charset = "UTF-8"): Buffer {
  const name = charset.toLowerCase().replace(/[-_]/g, "");
  if (name === "utf8") return Buffer.from(text, "utf8");
  if (name === "usascii") return toBytes(text, "US_ASCII");
  if (name === "iso88591") return Buffer.from(text, "latin1");
  throw unsupported(`文字コード ${charset} への変換`);
}

export class LocalBlob implements GoogleAppsScript.Base.Blob {
  private bytes: Buffer;

  constructor(data: string | ArrayLike<Byte>, private contentType: string | null, private name: string | null) {
    this.bytes = typeof data === "string" ? encodeString(data) : toBytes(data);
  }

  copyBlob(): LocalBlob {
    return new LocalBlob(this.bytes, this.contentType, this.name);
  }

  getAs(contentType: string): LocalBlob {
    if (contentType !== this.contentType) throw unsupported(`Blob.getAs("${contentType}") の変換`);
    return this.copyBlob();
  }

  getBlob(): LocalBlob {
    return this;
  }

  getBytes(): Byte[] {
    return signedBytes(this.bytes);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset = "UTF-8"): string {
    try {
      return new TextDecoder(charset).decode(this.bytes);
    } catch {
      throw new Error(`Unsupported charset: ${charset}`);
    }
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: Byte[]): LocalBlob {
    this.bytes = toBytes(data);
    return this;
  }

  setContentType(contentType: string | null): LocalBlob {
    this.contentType = contentType;
    return this;
  }

  setContentTypeFromExtension(): LocalBlob {
    const type = EXTENSION_TYPES[/\.([^.]+)$/.exec(this.name ?? "")?.[1].toLowerCase() ?? ""];
    if (!type) throw new Error(`Could not determine the content type from the file name: ${this.name}`);
    this.contentType = type;
    return this;
  }

  setDataFromString(text: string, charset?: string): LocalBlob {
    this.bytes = encodeString(text, charset);
    return this;
  }

  setName(name: string): LocalBlob {
    this.name = name;
    return this;
  }

  getAllBlobs(): LocalBlob[] {
    throw unsupported("Blob.getAllBlobs");
  }
}

// ---- CSV --------------------------------------------------------------------------

function parseCsv(csv: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (csv[i + 1] === '"') field += csv[i++];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && csv[i + 1] === "\n") i++;
      rows.push([...row, field]);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

// ---- the service ---------------------------------------------------------------------

class LocalUtilities implements GoogleAppsScript.Utilities.Utilities {
  Charset = apiEnum<typeof GoogleAppsScript.Utilities.Charset>(["US_ASCII", "UTF_8"]);
  DigestAlgorithm = apiEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(["MD2", "MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512"]);
  MacAlgorithm = apiEnum<typeof GoogleAppsScript.Utilities.MacAlgorithm>(["HMAC_MD5", "HMAC_SHA_1", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512"]);
  RsaAlgorithm = apiEnum<typeof GoogleAppsScript.Utilities.RsaAlgorithm>(["RSA_SHA_1", "RSA_SHA_256"]);

  constructor(private readonly env: ExecutionEnv) {}

  base64Decode(encoded: string): Byte[] {
    return decodeBase64(encoded, false);
  }

  base64DecodeWebSafe(encoded: string): Byte[] {
    return decodeBase64(encoded, true);
  }

  base64Encode(data: string | Byte[], charset?: Charset): string {
    return toBytes(data, charset).toString("base64");
  }

  /** Node's "base64url" drops the `=` padding; Apps Script keeps it. */
  base64EncodeWebSafe(data: string | Byte[], charset?: Charset): string {
    return toBytes(data, charset).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }

  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | Byte[], charset?: Charset): Byte[] {
    const name = DIGESTS[String(algorithm)];
    if (!name) throw unsupported(`DigestAlgorithm.${String(algorithm)}`);
    return signedBytes(createHash(name).update(toBytes(value, charset)).digest());
  }

  computeHmacSha256Signature(value: string | Byte[], key: string | Byte[], charset?: Charset): Byte[] {
    return hmac("sha256", value, key, charset);
  }

  computeHmacSignature(algorithm: GoogleAppsScript.Utilities.MacAlgorithm, value: string | Byte[], key: string | Byte[], charset?: Charset): Byte[] {
    const name = DIGESTS[String(algorithm).replace(/^HMAC_/, "")];
    if (!name) throw new Error(`Invalid argument: algorithm`);
    return hmac(name, value, key, charset);
  }

  computeRsaSha1Signature(value: string, key: string, charset?: Charset): Byte[] {
    return signedBytes(sign("sha1", toBytes(value, charset), key));
  }

  computeRsaSha256Signature(value: string, key: string, charset?: Charset): Byte[] {
    return signedBytes(sign("sha256", toBytes(value, charset), key));
  }

  computeRsaSignature(algorithm: GoogleAppsScript.Utilities.RsaAlgorithm, value: string, key: string, charset?: Charset): Byte[] {
    return signedBytes(sign(String(algorithm) === "RSA_SHA_1" ? "sha1" : "sha256", toBytes(value, charset), key));
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      throw new Error(`The parameters (${[date, timeZone, format].map(javaType).join(",")}) don't match the method signature for Utilities.formatDate.`);
    }
    if (Number.isNaN(date.getTime())) throw new Error("Invalid argument: date");
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }

  getUuid(): string {
    return randomUUID();
  }

  gzip(blob: GoogleAppsScript.Base.BlobSource, name?: string): LocalBlob {
    const source = blob.getBlob();
    return new LocalBlob(gzipSync(toBytes(source.getBytes())), "application/x-gzip", name ?? `${source.getName() ?? "archive"}.gz`);
  }

  ungzip(blob: GoogleAppsScript.Base.BlobSource): LocalBlob {
    const source = blob.getBlob();
    return new LocalBlob(gunzipSync(toBytes(source.getBytes())), null, source.getName()?.replace(/\.gz$/, "") ?? null);
  }

  newBlob(data: string | Byte[], contentType?: string, name?: string): LocalBlob {
    return new LocalBlob(data, contentType ?? (typeof data === "string" ? "text/plain" : null), name ?? null);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter);
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    return parseDate(date, timeZone, format, this.env.clock.now());
  }

  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0 && milliseconds <= MAX_SLEEP_MS)) throw new Error("Invalid argument: milliseconds");
    this.env.clock.sleep(milliseconds);
  }

  jsonParse(jsonString: string): unknown {
    return JSON.parse(jsonString);
  }

  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }

  unzip(): GoogleAppsScript.Base.Blob[] {
    throw unsupported("Utilities.unzip");
  }

  zip(): GoogleAppsScript.Base.Blob {
    throw unsupported("Utilities.zip");
  }
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function javaType(value: unknown): string {
  if (isDate(value)) return "Date";
  if (value === null || value === undefined) return String(value);
  return { string: "String", number: "number", boolean: "Boolean" }[typeof value as string] ?? "Object";
}

export function createUtilities(env: ExecutionEnv): GoogleAppsScript.Utilities.Utilities {
  return new LocalUtilities(env);
}
