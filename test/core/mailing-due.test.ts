// What a mailing owes at each point of its cycle, from its send log alone.
import { describe, expect, it } from "vitest";
import { dueMails, type DueInput } from "../../src/core/mailing/due";
import { cycleDates } from "../../src/core/mailing/schedule";
import type { SendRecord } from "../../src/core/contracts/send-log";

const CYCLE = "2026-12";
const dates = cycleDates(Date.parse("2026-12-01T09:00:00+09:00"), { 回答期限: 10, 再依頼: 7, 送信時刻: 9 });
const people = ["a@city.example", "b@city.example", "c@city.example"].map((to) => ({ to }));

function record(kind: SendRecord["種別"], to: string, result = "送信済", cycle = CYCLE): SendRecord {
  return { 日時: new Date("2026-12-01T00:00:00Z"), サイクル: cycle, 宛先: to, 件数: 1, 種別: kind, 結果: result, エラー: "" };
}

function due(at: string, log: SendRecord[], extra: Partial<DueInput<{ to: string }>> = {}) {
  const { requests, digest } = dueMails({ cycle: CYCLE, now: new Date(at), dates, recipients: people, log, answered: new Set(), digestWanted: true, ...extra });
  return { requests: requests.map((r) => `${r.kind} ${r.recipient.to}`), digest };
}

describe("dueMails", () => {
  it("asks everyone not yet tried — a failed request is not retried, and another cycle's log does not count", () => {
    const log = [record("依頼", "a@city.example"), record("依頼", "b@city.example", "失敗"), record("依頼", "c@city.example", "送信済", "2026-11")];
    expect(due("2026-12-02T09:00:00+09:00", log)).toEqual({ requests: ["依頼 c@city.example"], digest: false });
  });

  it("from the reminder day reminds, once, only those whose request went out and who have not answered", () => {
    const log = [record("依頼", "a@city.example"), record("依頼", "b@city.example"), record("依頼", "c@city.example", "失敗")];
    expect(due("2026-12-08T08:59:59+09:00", log).requests).toEqual([]);
    expect(due("2026-12-08T09:00:00+09:00", log, { answered: new Set(["b@city.example"]) }).requests).toEqual(["再依頼 a@city.example"]);
    expect(due("2026-12-08T10:00:00+09:00", [...log, record("再依頼", "a@city.example", "失敗")]).requests).toEqual(["再依頼 b@city.example"]);
  });

  it("after the deadline owes only the digest, once, and only when 設定 names the secretariat", () => {
    expect(due("2026-12-11T23:59:59+09:00", []).digest).toBe(false);
    expect(due("2026-12-12T00:00:00+09:00", [])).toEqual({ requests: [], digest: true });
    expect(due("2026-12-12T00:00:00+09:00", [], { digestWanted: false }).digest).toBe(false);
    expect(due("2026-12-12T00:00:00+09:00", [record("まとめ", "事務局", "失敗")]).digest).toBe(false);
  });

  it("with a 督促, owes nothing until its day, then each 督促 not yet tried and the digest with them", () => {
    const reps = ["x@city.example", "y@city.example"];
    const escalation = { at: new Date("2026-12-12T09:00:00+09:00"), addresses: () => reps };
    const at = (iso: string, log: SendRecord[]) => dueMails({ cycle: CYCLE, now: new Date(iso), dates, recipients: people, log, answered: new Set(), digestWanted: true, escalation });
    expect(at("2026-12-12T08:59:59+09:00", [])).toEqual({ requests: [], escalations: [], digest: false });
    expect(at("2026-12-12T09:00:00+09:00", [])).toEqual({ requests: [], escalations: reps, digest: true });
    // A failed 督促 is not retried automatically; one of another cycle does not count.
    const log = [record("督促", "x@city.example", "失敗"), record("督促", "y@city.example", "送信済", "2026-11"), record("まとめ", "事務局")];
    expect(at("2026-12-13T09:00:00+09:00", log)).toEqual({ requests: [], escalations: ["y@city.example"], digest: false });
  });
});
