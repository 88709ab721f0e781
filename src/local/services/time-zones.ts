// Java time zone ids offline: IANA names through Intl, fixed "GMT+9" offsets,
// and the short/long zone names SimpleDateFormat prints ("JST", "Japan Standard Time").

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
export function zoneOrGmt(id: string): Zone {
  return findZone(id) ?? (findZone("GMT") as Zone);
}

/** The UTC instant whose wall clock in `zone` reads `wallMs` (wall clock expressed as if it were UTC). */
export function wallToUtc(zone: Zone, wallMs: number): number {
  const guess = wallMs - zone.offset(wallMs);
  return wallMs - zone.offset(guess);
}

/** "+09:00" (or "+0900" with no separator) for an offset in ms. */
export function offsetText(offsetMs: number, separator: string): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60), 2)}${separator}${pad(minutes % 60, 2)}`;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
