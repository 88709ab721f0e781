// User text is stored as text, never as a formula or a number: setValues reads
// strings as typed input, so "=…" would become a formula and "001" the number 1.

/** The value to hand setValues so that `text` is stored exactly as typed. */
export function asStoredText(text: string): string {
  // A leading apostrophe makes Sheets keep the rest as text; it is not stored.
  return text === "" ? "" : `'${text}`;
}

export function normalizeEmail(value: unknown): string {
  return String(value ?? "").normalize("NFKC").trim().toLowerCase();
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function isValidEmail(value: unknown): boolean {
  return EMAIL.test(normalizeEmail(value));
}

/** HTML-escapes text for every place user text is shown. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
