// 若手職員PTのデモ（令和8年度）: 2チーム・選出10名（局区推薦と自主応募）と見送り2名、
// 報告資料のスケジュールどおりの工程（11月までを一部完了）、活動12件。
// 2026-11-25（第3回X会議）時点の報告で、チームAは順調、チームBは視察が遅れている状況になる。
// 氏名は架空、メールは city.example。
import { MEETINGS } from "../core/contracts/meetings";
import { PT_ACTIVITIES } from "../core/contracts/pt-activities";
import { PT_MEMBERS } from "../core/contracts/pt-members";
import { PT_STEPS } from "../core/contracts/pt-steps";
import { PT_TEAMS } from "../core/contracts/pt-teams";
import { dayToDate } from "../core/contracts/pt-values";
import { seedMeetings } from "../core/pt/meetings";
import { seedSteps } from "../core/pt/steps";

const YEAR = "R8";
const A = "チームA";
const B = "チームB";

/** A date cell as getValues gives it: 00:00 Tokyo of that day. */
const day = (mmdd: string, year = 2026) => {
  const [month, date] = mmdd.split("/").map(Number);
  return dayToDate(`${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`);
};

/** [チーム, 氏名, 所属, メール, 応募区分, 選考, 役割] */
const MEMBERS: readonly (readonly [string, string, string, string, string, string, string])[] = [
  [A, "青山 遥", "小倉北区 市民課", "aoyama.haruka@city.example", "局区推薦", "選出", "リーダー"],
  [A, "石田 蓮", "保健福祉局 介護保険課", "ishida.ren@city.example", "自主応募", "選出", ""],
  [A, "上野 美咲", "八幡西区 保険年金課", "ueno.misaki@city.example", "局区推薦", "選出", ""],
  [A, "大西 悠真", "総務市民局 人事課", "onishi.yuma@city.example", "自主応募", "選出", ""],
  [A, "川村 彩花", "子ども家庭局 子育て支援課", "kawamura.ayaka@city.example", "局区推薦", "選出", ""],
  [B, "木下 大翔", "財政・変革局 財政課", "kinoshita.hiroto@city.example", "自主応募", "選出", "リーダー"],
  [B, "佐野 結衣", "環境局 循環社会推進課", "sano.yui@city.example", "局区推薦", "選出", ""],
  [B, "高木 颯太", "門司区 まちづくり整備課", "takagi.sota@city.example", "自主応募", "選出", ""],
  [B, "中島 葵", "上下水道局 お客さまセンター", "nakashima.aoi@city.example", "局区推薦", "選出", ""],
  [B, "早川 陽菜", "産業経済局 産業政策課", "hayakawa.hina@city.example", "自主応募", "選出", ""],
  ["", "福田 湊", "消防局 警防課", "fukuda.minato@city.example", "自主応募", "見送り", ""],
  ["", "松尾 凜", "若松区 総務企画課", "matsuo.rin@city.example", "局区推薦", "見送り", ""],
];

/** 所属長メール: each 所属's head, who approves the member's はみだせサポート time. */
const SECTION_HEADS: Record<string, string> = {
  "小倉北区 市民課": "kokurakita-shimin.cho@city.example",
  "保健福祉局 介護保険課": "kaigohoken.cho@city.example",
  "八幡西区 保険年金課": "yahatanishi-hoken.cho@city.example",
  "総務市民局 人事課": "jinji.cho@city.example",
  "子ども家庭局 子育て支援課": "kosodate.cho@city.example",
  "財政・変革局 財政課": "zaisei.cho@city.example",
  "環境局 循環社会推進課": "junkan.cho@city.example",
  "門司区 まちづくり整備課": "moji-machizukuri.cho@city.example",
  "上下水道局 お客さまセンター": "okyakusama.cho@city.example",
  "産業経済局 産業政策課": "sangyo.cho@city.example",
  "消防局 警防課": "keibo.cho@city.example",
  "若松区 総務企画課": "wakamatsu-somu.cho@city.example",
};
const sectionHead = (section: string) => SECTION_HEADS[section];

export function ptMemberSheet(): unknown[][] {
  return [[...PT_MEMBERS.headers], ...MEMBERS.map(([team, ...rest]) => [YEAR, team, ...rest, sectionHead(rest[1])])];
}

export function ptTeamSheet(): unknown[][] {
  return [
    [...PT_TEAMS.headers],
    [YEAR, A, "市民にとって利用しやすい窓口改革", "区役所の窓口での平均待ち時間を半分にし、来庁者の8割が「手続きが分かりやすい」と答える", "総務市民局 区政課", "検討中"],
    [YEAR, B, "デジタルを活用した市民サービスの質の向上", "来庁せずに済む手続きを増やし、オンライン申請の利用者の8割が「次も使いたい」と答える", "総務市民局 情報政策課", "検討中"],
  ];
}

/** 完了日 of the milestones done by the report day; チームB did its theme late and has not yet visited. */
const DONE: Record<string, Record<string, string>> = {
  [A]: { メンバー募集: "5/29", キックオフ: "6/12", "テーマの検討・事業所管課との協議": "8/21", "民間企業・他都市等への視察・ヒアリング": "9/25" },
  [B]: { メンバー募集: "5/29", キックオフ: "6/12", "テーマの検討・事業所管課との協議": "9/4" },
};
const IN_PROGRESS: Record<string, Record<string, string>> = {
  [A]: { 事業の立ち上げロードマップの策定: "試行する区と時期を区政課と調整中" },
  [B]: { "民間企業・他都市等への視察・ヒアリング": "C市への視察を12/3に実施予定（日程調整のため遅れ）" },
};

export function ptStepSheet(): unknown[][] {
  const rows = seedSteps(8, [A, B]).map((step) => {
    const done = DONE[step.チーム][step.工程];
    const note = IN_PROGRESS[step.チーム][step.工程];
    const state = done ? "完了" : note ? "進行中" : "未着手";
    return [YEAR, step.チーム, step.工程, dayToDate(step.予定), done ? day(done) : "", state, note ?? step.メモ];
  });
  return [[...PT_STEPS.headers], ...rows];
}

/** [日付, チーム, 種別, 相手先, 内容, 参加者, 時間] */
export function ptActivitySheet(): unknown[][] {
  const teamA = "青山 遥、石田 蓮、上野 美咲、大西 悠真、川村 彩花";
  const teamB = "木下 大翔、佐野 結衣、高木 颯太、中島 葵、早川 陽菜";
  return [
    [...PT_ACTIVITIES.headers],
    [day("7/8"), A, "協議", "総務市民局 区政課", "区役所窓口の現状と課題の共有", teamA, 2],
    [day("7/15"), B, "協議", "総務市民局 情報政策課", "オンライン申請の利用状況と課題の共有", teamB, 2],
    [day("7/22"), A, "勉強会", "", "他都市の「書かない窓口」の事例研究", teamA, 1.5],
    [day("8/5"), A, "協議", "小倉北区 市民課", "来庁者の待ち時間データの提供と分析方法", "青山 遥、上野 美咲", 2],
    [day("8/19"), B, "勉強会", "", "利用者目線のデジタルサービス設計", teamB, 2],
    [day("9/10"), A, "視察", "A市 区役所 市民課", "書かない窓口・窓口予約システムの視察", teamA, 8],
    [day("9/17"), A, "ヒアリング", "民間企業（銀行の店舗改革担当）", "待ち時間を減らした店舗改革の進め方", "青山 遥、大西 悠真、kawamura.ayaka@city.example", 2],
    [day("10/7"), B, "ヒアリング", "民間企業（ITサービス事業者）", "申請フォームの改善手法と費用感", "木下 大翔、中島 葵", 2],
    [day("10/14"), A, "協議", "総務市民局 区政課", "ロードマップ案（試行する区と時期）の協議", "青山 遥、石田 蓮", 1.5],
    [day("10/28"), B, "ヒアリング", "B市 DX推進課（オンライン）", "オンライン手続の利用促進策", "木下 大翔、佐野 結衣、早川 陽菜", 1.5],
    [day("11/11"), B, "協議", "総務市民局 情報政策課", "視察先の選定と事業化の進め方", "木下 大翔、高木 颯太", 1.5],
    [day("12/3"), B, "視察", "C市 デジタル窓口", "来庁不要の手続の仕組みの視察", teamB, 8],
  ];
}

export function meetingSheet(): unknown[][] {
  return [[...MEETINGS.headers], ...seedMeetings(8).map((m) => [`第${m.回}回`, dayToDate(m.日付), m.名称, ""])];
}
