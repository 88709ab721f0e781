// Cell text as staff type it (full-width forms, stray spaces and line breaks folded
// away), e-mail addresses, and text as the add-on stores and shows it.

export function isDateValue(value: unknown): value is Date {
  // Dates may come from another realm (the Sheets host, a vm context): no instanceof.
  // Asked of every cell read, so text and numbers are let through first.
  return typeof value === "object" && value !== null && Object.prototype.toString.call(value) === "[object Date]";
}

/** NFKC-normalized, trimmed text of a cell value ("" for blank). */
export function normalizeText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).normalize("NFKC").trim();
}

export function isBlank(value: unknown): boolean {
  // Checked for every cell of every row, so it avoids normalizing: NFKC never
  // turns visible text into white space, and \s already covers U+3000.
  if (value === null || value === undefined || value === "") return true;
  return typeof value === "string" ? !/\S/.test(value) : false;
}

/** Characters as staff count them: code points, so an emoji is one (String.length would count two). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** 「12 / 2000文字」 under a box with a limit, counted as the server counts (charCount). */
export function counterText(text: string, limit: number): string {
  const length = charCount(text);
  return length > limit ? `${length} / ${limit}文字（${length - limit}文字超過）` : `${length} / ${limit}文字`;
}

/** Text with every kind of white space removed, for matching labels typed with spaces. */
export function compactText(value: unknown): string {
  return normalizeText(value).replace(/\s+/g, "");
}

/** Runs `fn` once per distinct input: a column of 100,000 cells has a handful of distinct values. */
export function memoize<T>(fn: (value: unknown) => T): (value: unknown) => T {
  const cache = new Map<unknown, T>();
  return (value) => {
    const key = typeof value === "object" && isDateValue(value) ? `date:${value.getTime()}` : value;
    if (cache.has(key)) return cache.get(key) as T;
    const result = fn(value);
    cache.set(key, result);
    return result;
  };
}

/**
 * An address as compared everywhere: trimmed and lower-cased, nothing more. No NFKC:
 * a full-width look-alike (ｈｅｎｋａｋｕ＠…) is another string, not the secretariat.
 */
export function normalizeEmail(value: unknown): string {
  return String(value ?? "").trim().toLowerCase();
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function isValidEmail(value: unknown): boolean {
  return EMAIL.test(normalizeEmail(value));
}

/**
 * The value to hand setValues so that `text` is stored exactly as typed: setValues
 * reads strings as typed input, so "=…" would become a formula and "001" the number 1.
 */
export function asStoredText(text: string): string {
  // A leading apostrophe makes Sheets keep the rest as text; it is not stored.
  return text === "" ? "" : `'${text}`;
}

/** HTML-escapes text for every place user text is shown. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
