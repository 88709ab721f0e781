// The header row a contract needs, checked before anything is read or written: a
// missing, duplicated or renamed header stops the caller with a message naming the
// sheet, the header and the fix, instead of reading blanks or writing nowhere.
import { columnLetter } from "../base/a1";
import { InputError } from "../base/sheet-table";
import { compactText, normalizeText } from "../base/text";

export type HeaderProblemKind = "missing" | "duplicated" | "renamed";

export interface HeaderProblem {
  sheet: string;
  /** The contract's header. */
  header: string;
  kind: HeaderProblemKind;
  /** 1-based columns involved: the duplicates, or the likely renamed one. */
  columns: number[];
  /** For "renamed": the header text found instead. */
  found?: string;
  message: string;
}

/** Thrown before a read or write when the sheet's headers do not fit its contract. */
export class ContractError extends InputError {
  constructor(readonly problems: HeaderProblem[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "ContractError";
  }
}

/**
 * What is wrong with `headerRow` for the `needed` headers of the sheet `sheet`
 * whose contract knows `known` headers (a header of another field is never taken
 * for a rename).
 */
export function headerProblems(sheet: string, known: readonly string[], headerRow: readonly unknown[], needed: readonly string[]): HeaderProblem[] {
  const texts = headerRow.map(normalizeText);
  const problems: HeaderProblem[] = [];
  for (const header of needed) {
    // Headers compare as staff see them: NFKC (a full-width （） equals a half-width ()).
    const wanted = normalizeText(header);
    const columns = texts.flatMap((text, i) => (text === wanted ? [i + 1] : []));
    if (columns.length > 1) {
      const where = columns.map((c) => `${columnLetter(c)}列`).join("と");
      problems.push({
        sheet, header, kind: "duplicated", columns,
        message: `シート「${sheet}」の見出し「${header}」が ${where} の${columns.length}か所にあり、どの列を使うか決められません。不要な列を削除するか、見出しを別の名前にしてください。`,
      });
    } else if (columns.length === 0) {
      const rename = likelyRename(header, texts, known);
      problems.push(
        rename
          ? {
              sheet, header, kind: "renamed", columns: [rename.column], found: rename.text,
              message: `シート「${sheet}」の見出し「${header}」が見つかりません。${columnLetter(rename.column)}列の「${rename.text}」は「${header}」の名前を変えたものと思われます。見出しを「${header}」に戻してください。`,
            }
          : {
              sheet, header, kind: "missing", columns: [],
              message: `シート「${sheet}」の見出し「${header}」が見つかりません。1行目の見出しを「${header}」に戻してください（列を削除した場合は、メニュー「プラチナ → 初期設定」で列を追加できます）。`,
            },
      );
    }
  }
  return problems;
}

/** The column whose header looks like `header` renamed: not another field's, and close in spelling. */
export function likelyRename(header: string, texts: readonly string[], known: readonly string[]): { column: number; text: string } | null {
  let best: { column: number; text: string } | null = null;
  let bestDistance = Infinity;
  for (const [i, text] of texts.entries()) {
    if (text === "" || known.some((k) => normalizeText(k) === text)) continue;
    const distance = renameDistance(header, text);
    if (distance !== null && distance < bestDistance) {
      best = { column: i + 1, text };
      bestDistance = distance;
    }
  }
  return best;
}

/** How far `text` is from `header` when it reads as a rename of it (spacing or case changed, a word added or dropped, a slip); else null. */
function renameDistance(header: string, text: string): number | null {
  const a = compactText(header).toLowerCase();
  const b = compactText(text).toLowerCase();
  if (a === b) return 0;
  if (Math.min(a.length, b.length) >= 2 && (a.includes(b) || b.includes(a))) return Math.abs(a.length - b.length);
  const distance = editDistance(a, b);
  // Short headers (ID, 値) are too easily one slip away from unrelated words.
  return distance <= (a.length <= 2 ? 0 : a.length <= 4 ? 1 : 2) ? distance : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
