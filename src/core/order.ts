// Orderings that do not depend on the host's locale data: Apps Script documents
// no Intl collation, so localeCompare(…, "ja") may order differently there.

/** Code-point order of two strings: the same on every host. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The last item, or undefined for an empty list (Array.prototype.at is later than the documented runtime). */
export function last<T>(items: readonly T[]): T | undefined {
  return items.length > 0 ? items[items.length - 1] : undefined;
}
