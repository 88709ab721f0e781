// The seed's 「令和7年度の課題の再整理状況」: a year's new issues by the direction they
// were given — continued by the PT (①), merged (②), ended (③–⑤), handed to the
// 所管課 (⑥⑦), of which ⑦ are the ones followed — counted from the ①–⑦ table.
import { DIRECTIONS, type Direction } from "./contracts/classes";
import { directionTable, type SkippedRow, type Table } from "./tables";

export interface ResortingGroup {
  /** 「①」「③〜⑤」…, as the 整理区分 column holds them. */
  directions: string;
  /** The seed's wording (「○PTで課題の検討を継続するもの(0件)」). */
  wording: string;
  count: number;
}

const GROUPS: { members: readonly Direction[]; wording: string }[] = [
  { members: ["①"], wording: "PTで課題の検討を継続するもの" },
  { members: ["②"], wording: "課題の統合を行うもの" },
  { members: ["③", "④", "⑤"], wording: "解決が望めない等の理由から課題の検討自体を終了と判断したもの" },
  { members: ["⑥", "⑦"], wording: "PTによる検討を終了し、所管課において解決策の検討及び実行を行うもの" },
];
/** The ⑦ among the handed-over: 「制度所管局において解決策を検討し、その進捗を追うべき課題」. */
export const FOLLOWED_WORDING = "うち、制度所管局において解決策を検討し、その進捗を追うべき課題";
export const INITIAL_WORDING = "当初の課題件数";

export interface Resorting {
  /** The year's sorted issues (①–⑦): the seed's 75. */
  initial: number;
  groups: ResortingGroup[];
  /** ⑦: the seed's 44. */
  followed: number;
}

/** The groups of the sorted issues of `yearArg` (every year when omitted), from the same count as PLATINA_DIRECTION_TABLE. */
export function resorting(issues: unknown, yearArg?: unknown, skipped?: SkippedRow[]): Resorting {
  const table = directionTable(issues, yearArg, skipped);
  const total = (d: Direction) => Number(table[1 + DIRECTIONS.indexOf(d)][3]);
  const groups = GROUPS.map(({ members, wording }) => ({ directions: label(members), wording, count: members.reduce((n, d) => n + total(d), 0) }));
  return { initial: groups.reduce((n, g) => n + g.count, 0), groups, followed: total("⑦") };
}

/** PLATINA_GROUP_TABLE: 整理区分 / 方向性 / 件数, from 当初の課題件数 to the followed ⑦. */
export function resortingTable(issues: unknown, yearArg?: unknown, skipped?: SkippedRow[]): Table {
  const { initial, groups, followed } = resorting(issues, yearArg, skipped);
  return [
    ["整理区分", "方向性", "件数"],
    ["①〜⑦", INITIAL_WORDING, initial],
    ...groups.map((g) => [g.directions, g.wording, g.count]),
    ["⑦", FOLLOWED_WORDING, followed],
  ];
}

function label(members: readonly Direction[]): string {
  return members.length <= 2 ? members.join("") : `${members[0]}〜${members[members.length - 1]}`;
}
