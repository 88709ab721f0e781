import { describe, expect, it } from "vitest";
import { formatTokyoDateTime, shownCycle } from "../../../src/core/follow-up/status-view";
import type { SendRecord } from "../../../src/core/contracts/send-log";

const record = (cycle: string, kind: SendRecord["種別"], result = "送信済"): SendRecord =>
  ({ 日時: new Date("2026-11-02T00:00:00Z"), サイクル: cycle, 宛先: "a@city.example", 件数: 1, 種別: kind, 結果: result, エラー: "" }) as SendRecord;
const DEC_1 = new Date("2026-12-01T00:00:00+09:00");

describe("the cycle 送信状況 shows", () => {
  it("is last month's while its requests went out and its まとめ has not, this month's once it has", () => {
    expect(shownCycle(DEC_1, null, [record("2026-11", "依頼")])).toEqual({ cycle: "2026-11", waitingForDigest: true });
    expect(shownCycle(DEC_1, null, [record("2026-11", "依頼"), record("2026-11", "まとめ", "失敗")])).toEqual({ cycle: "2026-11", waitingForDigest: true });
    expect(shownCycle(DEC_1, null, [record("2026-11", "依頼"), record("2026-11", "まとめ")])).toEqual({ cycle: "2026-12", waitingForDigest: false });
    expect(shownCycle(DEC_1, null, [])).toEqual({ cycle: "2026-12", waitingForDigest: false });
    // January looks back to December of the year before.
    expect(shownCycle(new Date("2027-01-05T00:00:00+09:00"), null, [record("2026-12", "依頼")]).cycle).toBe("2026-12");
    // A continuation in progress decides.
    expect(shownCycle(DEC_1, "2026-11", [])).toEqual({ cycle: "2026-11", waitingForDigest: true });
    expect(shownCycle(DEC_1, "2026-12", [record("2026-11", "依頼")])).toEqual({ cycle: "2026-12", waitingForDigest: false });
  });

  it("writes instants in 和暦 and Tokyo time", () => {
    expect(formatTokyoDateTime("2026-12-10T15:00:00.002Z")).toBe("令和8年12月11日（金） 0:00");
    expect(formatTokyoDateTime(new Date("2026-11-02T09:05:00+09:00"))).toBe("令和8年11月2日（月） 9:05");
  });
});
