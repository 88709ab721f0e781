// Sheets stores a date-time as serial days since 1899-12-30, read as wall-clock
// time in the spreadsheet's time zone. These convert between that and instants
// without ever consulting the process time zone.

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 00:00. */
const UNIX_EPOCH_SERIAL = 25_569;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the wall clock in `timeZone` is ahead of UTC at `instant` (ms). */
function zoneOffsetMs(timeZone: string, instant: number): number {
  // Offsets are constant within a UTC day unless it holds a transition: check both ends, cached per day.
  const day = Math.floor(instant / MS_PER_DAY);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = measureOffset(timeZone, day * MS_PER_DAY);
    offset = start === measureOffset(timeZone, (day + 1) * MS_PER_DAY - 1000) ? start : null;
    if (dayOffsets.size > 10_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset ?? measureOffset(timeZone, instant);
}

const dayOffsets = new Map<string, number | null>();

function measureOffset(timeZone: string, instant: number): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(wholeSecond))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return wall - wholeSecond;
}

/** True for Date objects from any realm (the add-on bundle runs in its own vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function dateToSerial(date: Date, timeZone: string): number {
  const instant = date.getTime();
  return (instant + zoneOffsetMs(timeZone, instant)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  // The offset depends on the instant we are looking for; a second pass settles DST edges.
  let instant = wall - zoneOffsetMs(timeZone, wall);
  const offset = zoneOffsetMs(timeZone, instant);
  if (wall - instant !== offset) instant = wall - offset;
  return new Date(instant);
}

/** exceljs reads dates as Dates whose UTC fields are the serial's wall clock. */
export function utcFieldsDateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function hasTimePart(serial: number): boolean {
  return Math.abs(serial - Math.round(serial)) * MS_PER_DAY >= 1;
}
