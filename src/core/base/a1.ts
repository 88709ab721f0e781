// A1 notation pieces shared by the add-on and the local runtime: column letters
// (1-based: 1 → A, 27 → AA) and quoting a sheet name for a reference.

export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "H12" for row 12, column 8. */
export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

/** The sheet name as a formula reference needs it: bare when it is a plain word, else quoted ('' for '). */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Index of the quote that closes the one at `start` in a formula (a doubled quote
 * inside is an escaped quote); the last index when it is never closed.
 */
export function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] !== quote) i++;
    else if (text[i + 1] === quote) i += 2;
    else return i;
  }
  return text.length - 1;
}
