// PT活動: what the teams did (協議・視察・ヒアリング…), who took part and for how long.
// Every participant must be a selected member of that 年度: their hours count
// against the はみだせサポート limit, which only members have.
import { PT_ACTIVITIES, type ActivityKind, type ActivityRow } from "../contracts/pt-activities";
import { fiscalYearOfDay, type Day } from "../contracts/pt-values";
import { InputError } from "../base/sheet-table";
import { memberDirectory, type MemberDirectory, type MemberRecord } from "./members";

const ACTIVITY_SHEET = PT_ACTIVITIES.name;
/** Kinds done with someone outside the team, who must be named in 相手先. */
const WITH_COUNTERPART: readonly ActivityKind[] = ["協議", "視察", "ヒアリング"];


export interface Activity {
  rowNumber: number;
  日付: Day;
  年度: number;
  チーム: string;
  種別: ActivityKind;
  相手先: string | null;
  内容: string | null;
  /** Participants as the selected members they name (each once). */
  参加者: MemberRecord[];
  /** Length in whole minutes, counted for each participant. */
  minutes: number;
}

/** Reads PT活動 against the selected members (選考 = 選出) of every 年度. */
export function readActivities(values: unknown, members: readonly MemberRecord[]): Activity[] {
  const rows = PT_ACTIVITIES.read(values);
  const directory = memberDirectory(members);
  return rows.map(({ rowNumber, record }) => checkActivity(record, directory, `${ACTIVITY_SHEET} ${rowNumber}行目`, rowNumber));
}

/**
 * Checks one activity (a saved row or one about to be saved) and resolves its
 * participants; `where` names it in errors.
 */
export function checkActivity(record: ActivityRow, directory: MemberDirectory, where: string, rowNumber = 0): Activity {
  const year = fiscalYearOfDay(record.日付);
  const teams = directory.teams(year);
  if (!teams.has(record.チーム)) {
    const known = [...teams].map((t) => `「${t}」`).join("") || "なし";
    throw new InputError(`${where}: チーム「${record.チーム}」はR${year}年度のPTメンバーにありません（チーム: ${known}）。チーム名をPTメンバーシートのとおりに入力してください。`);
  }
  if (WITH_COUNTERPART.includes(record.種別) && record.相手先 === null) {
    throw new InputError(`${where}: ${record.種別}の相手先が空です。相手先（事業所管課・企業・自治体など）を入力してください。`);
  }
  const participants: MemberRecord[] = [];
  for (const entry of record.参加者) {
    const found = directory.find(year, entry);
    if ("problem" in found) {
      throw new InputError(
        found.problem === "none"
          ? `${where}: 参加者「${entry}」はR${year}年度のPTメンバー（選出）ではありません。はみだせサポートの時間はPTメンバーだけが対象です。氏名またはメールをPTメンバーシートのとおりに入力してください。`
          : `${where}: 参加者「${entry}」と同じ氏名のメンバーが複数います。メールアドレスで入力してください。`,
      );
    }
    if (!participants.includes(found.member)) participants.push(found.member);
  }
  return {
    rowNumber,
    日付: record.日付,
    年度: year,
    チーム: record.チーム,
    種別: record.種別,
    相手先: record.相手先,
    内容: record.内容,
    参加者: participants,
    minutes: record.時間,
  };
}
