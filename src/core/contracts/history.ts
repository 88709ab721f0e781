// 履歴: one row per changed cell, appended by the add-on only (the sheet is protected
// with a warning). 経路 says which path made the change; 利用者 is the person who
// acted, and 担当アドレス the address they acted for when it was not their own.
import { defineContract, rawCell, type RecordOf } from "./contract";

/** 引き継ぎ: 担当の引き継ぎ replacing an address across 課題, 局区, PTメンバー and 担当者. */
export type Route = "サイドバー" | "メール回答" | "シート直接編集" | "局区照会" | "引き継ぎ";

export const HISTORY = defineContract({
  name: "履歴",
  fields: {
    日時: { read: rawCell, width: 150 },
    利用者: { width: 210 },
    ID: { width: 80 },
    項目: { width: 100 },
    // Kept as the cell holds them: a past 実施時期 may be a date, and the report shows it as one.
    変更前: { read: rawCell, width: 240 },
    変更後: { read: rawCell, width: 240 },
    経路: { width: 110 },
    // Added after the first release, at the right end: 初期設定 (or the first save) adds them to an older 履歴.
    担当アドレス: { width: 210 },
    立場: { width: 90 },
  },
  required: ["日時", "ID", "項目", "変更前", "変更後"],
});

export type HistoryRecord = RecordOf<typeof HISTORY.fields>;

/** The headers a 履歴 of any release has: a save checks these and adds the newer ones. */
export const HISTORY_BASE_HEADERS = ["日時", "利用者", "ID", "項目", "変更前", "変更後", "経路"] as const satisfies readonly (keyof HistoryRecord)[];

/**
 * How the person stood to the address they acted for: its own address (本人), listed in
 * 担当者 for it (担当／代理), a representative of the 局区 (局区代表), the
 * secretariat (推進室), or not known (不明: Apps Script did not say who, the signed link did).
 */
export const STANDINGS = ["本人", "担当", "代理", "局区代表", "推進室", "不明"] as const;
export type Standing = (typeof STANDINGS)[number];

/** What 利用者 (最終更新者, 回答者) says when Apps Script did not tell who acted. */
export const UNKNOWN_PERSON = "不明";

/** Who acted, as the records name them. */
export interface Actor {
  /** The person's own address; "" when Apps Script did not say (recorded as 不明). */
  person: string;
  /** The address they acted for when it is not their own (a section's, a 局区's 代表メール); "" otherwise. */
  onBehalfOf: string;
  standing: Standing;
}

/** Acting for oneself, e.g. a grid edit or a PT member's own rows. */
export function selfActor(person: string): Actor {
  return { person, onBehalfOf: "", standing: person ? "本人" : "不明" };
}

/** 利用者, 担当アドレス and 立場 of a 履歴 row (the same three go into 回答記録 and 最終更新者). */
export function recordedActor(actor: Actor): { 利用者: string; 担当アドレス: string; 立場: Standing } {
  return { 利用者: actor.person || UNKNOWN_PERSON, 担当アドレス: actor.onBehalfOf, 立場: actor.standing };
}

/** A row the add-on appends. */
export interface HistoryEntry {
  日時: Date;
  利用者: string;
  ID: string;
  項目: string;
  変更前: string;
  変更後: string;
  経路: Route;
  /** The address acted for, when not the person's own (see Actor). */
  担当アドレス?: string;
  立場?: Standing;
}
