// 局区: the programme's 局 and 区 in the city report's order, with each one's representative.
import { defineContract, type RecordOf } from "./contract";

export const BUREAUS = defineContract({
  name: "局区",
  fields: { 局区名: { width: 150 }, 区分: { width: 60 }, 代表メール: { width: 230 } },
  required: ["局区名"],
});

export type BureauRecord = RecordOf<typeof BUREAUS.fields>;

/** The 29 局区 of the programme, in the order of the city's report: 初期設定 writes them. */
export const SEED_BUREAUS: readonly BureauRecord[] = [
  "会計室", "市長公室", "危機管理室", "技術監理局", "政策局", "総務市民局", "財政・変革局", "保健福祉局",
  "子ども家庭局", "環境局", "産業経済局", "都市ブランド創造局", "都市戦略局", "都市整備局", "港湾空港局",
  "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区", "消防局", "上下水道局",
  "交通局", "公営競技局", "議会事務局", "教育委員会", "行政委員会",
].map((name) => ({ 局区名: name, 区分: name.endsWith("区") ? "区" : "局", 代表メール: "" }));
