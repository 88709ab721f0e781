// 担当者シート: 課題の各所管課の共有アドレスと各局区の代表メールを、だれが担当するか。
// 所管課ごとに担当と代理が1人ずつ。職員課の担当は人材育成課の代理も兼ね、人事課の前の代理は
// R8.4 の人事異動で終了日（2026-03-31）を過ぎている。局区の代表メールには庶務担当が1人ずつ
// （総務市民局と財政・変革局には代理も）。氏名は架空、メールは「名.所属」@city.example。
import { DELEGATES } from "../core/contracts/delegates";
import { dayToDate } from "../core/contracts/pt-values";
import { DEMO_BUREAUS } from "./bureaus";
import { OWNERS, type Owner } from "./issues";

/**
 * [氏名, the given name's romaji — the person's address is `${given}.${slug of the address}@city.example`,
 * or a whole local part for someone of another section —, 備考]
 */
type Person = readonly [string, string, string?];

/** Each section's 担当 and 代理, by 課題's owner key. */
const SECTION_PEOPLE: Record<Owner, readonly [Person, Person]> = {
  jinji: [["山田 太郎", "taro"], ["佐藤 花子", "hanako"]],
  shokuin: [["高橋 次郎", "jiro"], ["田中 美穂", "miho"]],
  jinzai: [["伊藤 直樹", "naoki"], ["高橋 次郎", "jiro.shokuin", "職員課の担当と兼務"]],
  johoseisaku: [["渡辺 健一", "kenichi"], ["中村 由美", "yumi"]],
  kusei: [["小林 誠", "makoto"], ["加藤 恵", "megumi"]],
  koseki: [["吉田 浩二", "koji"], ["山口 真由美", "mayumi"]],
  zaisan: [["松本 剛", "tsuyoshi"], ["井上 彩", "aya"]],
  nozei: [["木村 修", "osamu"], ["林 香織", "kaori"]],
  keiyaku: [["清水 隆", "takashi"], ["山崎 智子", "tomoko"]],
  shogai: [["森 大輔", "daisuke"], ["池田 舞", "mai"]],
  hogo: [["橋本 聡", "satoshi"], ["阿部 直美", "naomi"]],
  kenko: [["石川 拓也", "takuya"], ["前田 愛", "ai"]],
  kaigo: [["藤田 学", "manabu"], ["小川 千尋", "chihiro"]],
  hoiku: [["岡田 亮", "ryo"], ["後藤 美紀", "miki"]],
  kosodate: [["長谷川 翔", "sho"], ["村上 由紀", "yuki"]],
  koho: [["近藤 和也", "kazuya"], ["石井 麻衣", "mai"]],
  dx: [["斎藤 優", "yu"], ["坂本 理恵", "rie"]],
  kikikanri: [["遠藤 哲也", "tetsuya"], ["青木 光", "hikari"]],
  kaikei: [["藤井 大樹", "daiki"], ["西村 沙織", "saori"]],
  kotsuseisaku: [["福田 健太", "kenta"], ["太田 千春", "chiharu"]],
  jutaku: [["三浦 悟", "satoru"], ["藤原 明美", "akemi"]],
  doro: [["岡本 功", "isao"], ["松田 陽子", "yoko"]],
  koen: [["中川 義男", "yoshio"], ["中野 真理", "mari"]],
  junkan: [["原田 俊介", "shunsuke"], ["小野 楓", "kaede"]],
  koyo: [["田村 康介", "kosuke"], ["竹内 桃子", "momoko"]],
  sports: [["金子 洋平", "yohei"], ["和田 早紀", "saki"]],
  kanko: [["中山 啓太", "keita"], ["石原 奈々", "nana"]],
  shobo: [["森田 勝", "masaru"], ["上田 里美", "satomi"]],
  eigyo: [["原 伸也", "shinya"], ["柴田 瞳", "hitomi"]],
  kyoshokuin: [["酒井 大介", "daisuke"], ["工藤 希", "nozomi"]],
  toshokan: [["横山 茂", "shigeru"], ["宮崎 詩織", "shiori"]],
};

/** Each 局区's 庶務担当 acting for its 代表メール, in 局区's order; two have a 代理 as well. */
const BUREAU_PEOPLE: readonly (readonly [Person, Person?])[] = [
  [["宮本 正", "tadashi"]], [["内田 健", "ken"]], [["高野 浩", "hiroshi"]], [["安藤 隆之", "takayuki"]], [["谷口 博", "hiroshi"]],
  [["大野 孝", "takashi"], ["丸山 恵子", "keiko"]], [["菅原 徹", "toru"], ["野口 弘美", "hiromi"]], [["武田 淳", "jun"]],
  [["今井 裕子", "yuko"]], [["高田 進", "susumu"]], [["河野 博之", "hiroyuki"]], [["小山 亜紀", "aki"]], [["増田 幸一", "koichi"]],
  [["杉山 稔", "minoru"]], [["村田 秀樹", "hideki"]], [["平野 明", "akira"]], [["大塚 純子", "junko"]], [["千葉 雅人", "masato"]],
  [["久保 敏", "satoshi"]], [["松井 達也", "tatsuya"]], [["岩崎 良子", "yoshiko"]], [["桜井 勉", "tsutomu"]], [["野村 豊", "yutaka"]],
  [["菊地 英樹", "hideki"]], [["松下 正樹", "masaki"]], [["佐々木 和彦", "kazuhiko"]], [["山下 典子", "noriko"]], [["関 智", "satoshi"]],
  [["熊谷 浩一", "koichi"]],
];

/** 人事課's deputy until the April transfers (R8.4): 佐藤 花子 took over on 2026-04-01. */
const LAPSED_DEPUTY = { 氏名: "鈴木 一郎", given: "ichiro", section: "jinji", 開始日: "2024-04-01", 終了日: "2026-03-31" } as const;
const NEW_DEPUTY_START = "2026-04-01";

/** `taro` + `jinji-ka@city.example` → `taro.jinji@city.example`; a given name with a dot is a whole local part. */
function personAddress(given: string, address: string): string {
  if (given.includes(".")) return `${given}@city.example`;
  const slug = address.split("@")[0].replace(/-ka$/, "");
  return `${given}.${slug}@city.example`;
}

interface DelegateRow {
  氏名: string;
  メール: string;
  担当アドレス: string;
  role: "担当" | "代理";
  開始日?: string;
  終了日?: string;
  備考?: string;
}

function delegateRows(): DelegateRow[] {
  const rows: DelegateRow[] = [];
  for (const [key, [, , address]] of Object.entries(OWNERS) as [Owner, (typeof OWNERS)[Owner]][]) {
    const [lead, deputy] = SECTION_PEOPLE[key];
    rows.push({ 氏名: lead[0], メール: personAddress(lead[1], address), 担当アドレス: address, role: "担当" });
    const transferred = key === LAPSED_DEPUTY.section;
    rows.push({
      氏名: deputy[0], メール: personAddress(deputy[1], address), 担当アドレス: address, role: "代理",
      ...(transferred ? { 開始日: NEW_DEPUTY_START, 備考: `R8.4 の異動で${LAPSED_DEPUTY.氏名}から交代` } : {}),
      ...(deputy[2] ? { 備考: deputy[2] } : {}),
    });
    if (transferred) {
      rows.push({
        氏名: LAPSED_DEPUTY.氏名, メール: personAddress(LAPSED_DEPUTY.given, address), 担当アドレス: address, role: "代理",
        開始日: LAPSED_DEPUTY.開始日, 終了日: LAPSED_DEPUTY.終了日, 備考: "R8.4 の異動で転出",
      });
    }
  }
  DEMO_BUREAUS.forEach(([bureau, , address], i) => {
    const [lead, deputy] = BUREAU_PEOPLE[i];
    rows.push({ 氏名: lead[0], メール: personAddress(lead[1], address), 担当アドレス: address, role: "担当", 備考: `${bureau}の庶務担当` });
    if (deputy) rows.push({ 氏名: deputy[0], メール: personAddress(deputy[1], address), 担当アドレス: address, role: "代理" });
  });
  return rows;
}

/** Header row + one row per person per address, freshly built (dates as getValues gives them). */
export function delegateSheet(): unknown[][] {
  const date = (day: string | undefined) => (day ? dayToDate(day) : "");
  return [
    [...DELEGATES.headers],
    ...delegateRows().map((r) => DELEGATES.toRow({
      氏名: r.氏名, メール: r.メール, 担当アドレス: r.担当アドレス, "役割（担当／代理）": r.role,
      開始日: date(r.開始日), 終了日: date(r.終了日), 備考: r.備考 ?? "",
    })),
  ];
}
