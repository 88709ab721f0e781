// デモ用ワークブック（課題・履歴・局区改革・局区・担当者と、若手職員PTの5シート）。数値は報告書（R8.5.26 財政・変革局 市政変革推進室）の表を再現する。
import { bureauSheet } from "./bureaus";
import { delegateSheet } from "./delegates";
import { historySheet } from "./history";
import { issueSheet } from "./issues";
import { meetingSheet, ptActivitySheet, ptMemberSheet, ptStepSheet, ptTeamSheet } from "./pt";
import { reformSheet } from "./reforms";

/** Each sheet as Sheets getValues gives it: header row + data rows. */
export interface DemoWorkbook {
  課題: unknown[][];
  履歴: unknown[][];
  局区改革: unknown[][];
  局区: unknown[][];
  担当者: unknown[][];
  PTメンバー: unknown[][];
  PT: unknown[][];
  PT工程: unknown[][];
  PT活動: unknown[][];
  会議: unknown[][];
}

/** A fresh copy of the demo data on every call (safe to mutate). */
export function demoWorkbook(): DemoWorkbook {
  const issues = issueSheet();
  return {
    課題: issues, 履歴: historySheet(issues), 局区改革: reformSheet(), 局区: bureauSheet(), 担当者: delegateSheet(),
    PTメンバー: ptMemberSheet(), PT: ptTeamSheet(), PT工程: ptStepSheet(), PT活動: ptActivitySheet(), 会議: meetingSheet(),
  };
}
