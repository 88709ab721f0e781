// 局区シート: 報告書「令和7年度の各局区の取組状況」の表に載る29局区（表を列ごとに上から読んだ順）。

import { BUREAUS } from "../core/contracts/bureaus";

/** [局区名, 区分, 代表メール] */
export const DEMO_BUREAUS = [
  ["会計室", "局", "kaikei@city.example"],
  ["市長公室", "局", "shichokoshitsu@city.example"],
  ["危機管理室", "局", "kikikanri@city.example"],
  ["技術監理局", "局", "gijutsukanri@city.example"],
  ["政策局", "局", "seisaku@city.example"],
  ["総務市民局", "局", "somushimin@city.example"],
  ["財政・変革局", "局", "zaisei-henkaku@city.example"],
  ["保健福祉局", "局", "hokenfukushi@city.example"],
  ["子ども家庭局", "局", "kodomokatei@city.example"],
  ["環境局", "局", "kankyo@city.example"],
  ["産業経済局", "局", "sangyokeizai@city.example"],
  ["都市ブランド創造局", "局", "toshibrand@city.example"],
  ["都市戦略局", "局", "toshisenryaku@city.example"],
  ["都市整備局", "局", "toshiseibi@city.example"],
  ["港湾空港局", "局", "kowankuko@city.example"],
  ["門司区", "区", "moji@city.example"],
  ["小倉北区", "区", "kokurakita@city.example"],
  ["小倉南区", "区", "kokuraminami@city.example"],
  ["若松区", "区", "wakamatsu@city.example"],
  ["八幡東区", "区", "yahatahigashi@city.example"],
  ["八幡西区", "区", "yahatanishi@city.example"],
  ["戸畑区", "区", "tobata@city.example"],
  ["消防局", "局", "shobo@city.example"],
  ["上下水道局", "局", "jogesuido@city.example"],
  ["交通局", "局", "kotsu@city.example"],
  ["公営競技局", "局", "koeikyogi@city.example"],
  ["議会事務局", "局", "gikai@city.example"],
  ["教育委員会", "局", "kyoiku@city.example"],
  ["行政委員会", "局", "gyoseiiinkai@city.example"],
] as const satisfies readonly (readonly [string, "局" | "区", string])[];

export type BureauName = (typeof DEMO_BUREAUS)[number][0];

/** 代表メール of a 局区. */
export function bureauEmail(name: BureauName): string {
  return (DEMO_BUREAUS.find(([n]) => n === name) as (typeof DEMO_BUREAUS)[number])[2];
}

/** Header row + one row per 局区, freshly built. */
export function bureauSheet(): unknown[][] {
  return [[...BUREAUS.headers], ...DEMO_BUREAUS.map(([局区名, 区分, 代表メール]) => BUREAUS.toRow({ 局区名, 区分, 代表メール }))];
}
