// Issue IDs like R8-001: the fiscal year, then a number never used before in that year.

const ID_PATTERN = /^(R\d+)-(\d+)$/;

/** The highest number used per year prefix among the given IDs. */
export function highestNumbers(ids: readonly unknown[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const id of ids) {
    const match = ID_PATTERN.exec(String(id ?? "").normalize("NFKC").trim());
    if (!match) continue;
    highest.set(match[1], Math.max(highest.get(match[1]) ?? 0, Number(match[2])));
  }
  return highest;
}

/**
 * Assigns `count` new IDs for `prefix`, above both the IDs in the sheet and the
 * highest ever issued (kept outside the sheet, so a deleted row's ID is not reused).
 */
export function nextIds(prefix: string, count: number, inSheet: number, everIssued: number): string[] {
  const start = Math.max(inSheet, everIssued);
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(start + i + 1).padStart(3, "0")}`);
}
