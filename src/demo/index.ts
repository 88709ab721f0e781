// デモ用ワークブック（課題・局区改革・局区の3シート）。数値は報告書（R8.5.26 財政・変革局 市政変革推進室）の表を再現する。
import { bureauSheet } from "./bureaus";
import { issueSheet } from "./issues";
import { reformSheet } from "./reforms";

/** Each sheet as Sheets getValues gives it: header row + data rows. */
export interface DemoWorkbook {
  課題: unknown[][];
  局区改革: unknown[][];
  局区: unknown[][];
}

/** A fresh copy of the demo data on every call (safe to mutate). */
export function demoWorkbook(): DemoWorkbook {
  return { 課題: issueSheet(), 局区改革: reformSheet(), 局区: bureauSheet() };
}
