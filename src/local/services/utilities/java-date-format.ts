// Java SimpleDateFormat patterns (Utilities.formatDate / parseDate): US weeks,
// English month and day names, zone letters z/Z/X, lenient parsing.
import { offsetText, pad, wallToUtc, zoneOrGmt, type Zone } from "../time-zones";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const PATTERN_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX";
const DAY_MS = 86_400_000;

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

/** SimpleDateFormat.format in `timeZone` (an unknown zone id reads as GMT, as in Java). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
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
export function parseDate(source: string, timeZone: string, pattern: string, now: number): Date {
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
