// What the sidebar's google.script.run targets return, shared by the server and
// the browser (plain objects only: dates travel as ISO strings).
import type { Role } from "./access";
import type { DelegateRole } from "./contracts/delegates";
import type { EditableField, IssueRecord } from "./contracts/issues";
import type { Day } from "./contracts/pt-values";
import type { SortingChoice, SortingField } from "./intake";
import type { Refusal } from "./outcome";

export interface SidebarContext {
  user: string;
  role: Role;
  /** 局区 the user represents (bureau role), through their own address or one 担当者 lists them for. */
  bureaus: string[];
  /** Today in Tokyo, for the overdue flags: the browser's own clock and zone may differ. */
  today: Day;
  /** The addresses the user acts for today: their own (本人) first, then those 担当者 lists them for. */
  addresses: { address: string; standing: "本人" | DelegateRole }[];
  /** Why nothing can be saved (a header of 課題 or 履歴 is missing, duplicated or renamed); null when all is well. */
  problem: string | null;
}

export interface HistoryItem {
  日時: string;
  利用者: string;
  項目: string;
  変更前: string;
  変更後: string;
  経路: string;
  /** The address 利用者 acted for, when not their own. */
  担当アドレス: string;
}

export type SaveFailureReason = "conflict" | "not_found" | "forbidden" | "busy" | "invalid" | "contract";

export type SaveResult =
  | { ok: true; issue: IssueRecord }
  | (Refusal<SaveFailureReason> & {
      current?: IssueRecord;
      errors?: Partial<Record<EditableField, string>>;
    });

/** The secretariat's 未整理 section: the issues not yet sorted, and the choices with the seed's wording. */
export interface UnsortedView {
  issues: IssueRecord[];
  choices: readonly SortingChoice[];
}

export type SortResult =
  | { ok: true; issue: IssueRecord }
  | (Refusal<SaveFailureReason> & {
      current?: IssueRecord;
      /** The input the refusal is about (an invalid choice, a missing or refused 統合先ID). */
      field?: SortingField;
    });
