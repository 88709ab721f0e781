// The X会議 pack's 具体例: for each 進捗分類, three follow-up issues, chosen first
// from those whose class changed since the previous X会議. The secretariat's
// choice (シート「X会議具体例」) wins wherever it still fits; what does not fit is
// said, never silently dropped, and the row is left as typed.
import { PROGRESS_CLASSES, type Progress } from "../contracts/classes";
import { EXAMPLES_PER_CLASS, MEETING_EXAMPLES } from "../contracts/meeting-examples";
import type { ListedIssue } from "../progress-report";

/** One row of X会議具体例 for the chosen meeting. */
export interface StoredExample {
  rowNumber: number;
  progress: Progress;
  slot: number;
  id: string;
}

export interface Example {
  slot: number;
  issue: ListedIssue;
  /** Its class changed since the previous X会議. */
  changed: boolean;
  /** Taken from X会議具体例 (the secretariat's or an earlier build's choice). */
  stored: boolean;
}

export interface ExampleSelection {
  byClass: Record<Progress, Example[]>;
  /** Slots the sheet holds nothing for yet: written so the choice stays and can be swapped. */
  toStore: { 進捗分類: Progress; 順: number; ID: string; 課題名: string }[];
  notes: string[];
}

export interface ExampleInput {
  /** Follow-up issues as of the meeting's day, in sheet order. */
  issues: readonly ListedIssue[];
  /** IDs whose 進捗分類 changed since the previous X会議. */
  changed: ReadonlySet<string>;
  /** What the change is counted from, for the notes (default 「前回のX会議」). */
  since?: string;
  stored: readonly StoredExample[];
}

/** 「（R6課題）週休3日制…【R8年4月本格実施】」, as the seed writes an example. */
export function exampleText(issue: ListedIssue): string {
  return `（${issue.year}課題）${issue.title}${issue.timing ? `【${issue.timing}】` : ""}`;
}

export function selectExamples(input: ExampleInput): ExampleSelection {
  const byId = new Map(input.issues.map((issue) => [issue.id, issue]));
  const byClass = {} as Record<Progress, Example[]>;
  const toStore: ExampleSelection["toStore"] = [];
  const notes: string[] = [];
  for (const progress of PROGRESS_CLASSES) {
    const own = input.issues.filter((i) => i.progress === progress);
    // Changed issues first, each group in sheet order.
    const pool = [...own.filter((i) => input.changed.has(i.id)), ...own.filter((i) => !input.changed.has(i.id))];
    const used = new Set<string>();
    const chosen: Example[] = [];
    const refused: { row: StoredExample; why: string }[] = [];
    const open: number[] = [];
    for (let slot = 1; slot <= EXAMPLES_PER_CLASS; slot++) {
      const row = input.stored.find((s) => s.progress === progress && s.slot === slot);
      if (!row) {
        open.push(slot);
        continue;
      }
      const issue = byId.get(row.id);
      const why = !issue
        ? "課題シートの継続検討課題にない"
        : issue.progress !== progress
          ? `基準日の時点で「${progress}」ではない（${issue.progress}）`
          : used.has(issue.id)
            ? "同じ分類の別の順ですでに載せている"
            : null;
      if (why || !issue) {
        refused.push({ row, why: why ?? "" });
        open.push(slot);
        continue;
      }
      used.add(issue.id);
      chosen.push({ slot, issue, changed: input.changed.has(issue.id), stored: true });
    }
    let filled = 0;
    for (const slot of open) {
      const issue = pool.find((i) => !used.has(i.id));
      if (!issue) break;
      used.add(issue.id);
      chosen.push({ slot, issue, changed: input.changed.has(issue.id), stored: false });
      if (!refused.some((r) => r.row.slot === slot)) toStore.push({ 進捗分類: progress, 順: slot, ID: issue.id, 課題名: issue.title });
      if (!input.changed.has(issue.id)) filled++;
    }
    for (const { row, why } of refused) {
      const instead = chosen.find((e) => e.slot === row.slot);
      notes.push(
        `シート「${MEETING_EXAMPLES.name}」${row.rowNumber}行目: ID「${row.id}」は${why}ため、${progress}の${row.slot}番目には` +
          `${instead ? `「${instead.issue.id}」を載せました` : "何も載せていません"}。ID を直すと差し替わります。`,
      );
    }
    if (filled > 0) {
      const changed = own.filter((i) => input.changed.has(i.id)).length;
      notes.push(`「${progress}」で${input.since ?? "前回のX会議"}から分類が変わった課題は${changed}件のため、具体例の残り${filled}件は同じ分類の課題から選びました。`);
    }
    byClass[progress] = chosen.sort((a, b) => a.slot - b.slot);
  }
  return { byClass, toStore, notes };
}
