// Who answered for each section in a cycle, as 送信状況 and the 回答状況 digest
// show it: the people of 回答記録 (回答者) for the address they answered for
// (担当アドレス, else their own), each once, named as 担当者 lists them.
import { answeredAddress, type AnswerRecord } from "../contracts/answer-log";
import type { Directory } from "../delegation";

export interface Answerer {
  /** The person's address (回答者), or 「不明」 when Apps Script did not say. */
  person: string;
  /** Their 氏名 in 担当者, "" when they are not listed. */
  name: string;
  /** 本人, 担当, 代理, 局区代表, 推進室 or 不明 (回答記録's 立場; blank in rows of older releases). */
  standing: string;
}

/** For each address answered for in the cycle, who answered, in the order they first did. */
export function answerersByAddress(log: readonly AnswerRecord[], cycle: string, directory: Directory): Map<string, Answerer[]> {
  const names = new Map<string, string>();
  for (const d of directory.entries) if (d.name && !names.has(d.person)) names.set(d.person, d.name);
  const byAddress = new Map<string, Answerer[]>();
  for (const r of log) {
    if (r.サイクル !== cycle) continue;
    const address = answeredAddress(r);
    const answerers = byAddress.get(address) ?? [];
    if (!answerers.some((a) => a.person === r.回答者)) answerers.push({ person: r.回答者, name: names.get(r.回答者) ?? "", standing: r.立場 });
    byAddress.set(address, answerers);
  }
  return byAddress;
}

/** 「山田 太郎（担当）、henkaku@city.example（推進室）」; "" when nobody answered. */
export function answererText(answerers: readonly Answerer[] | undefined): string {
  return (answerers ?? []).map((a) => `${a.name || a.person}${a.standing ? `（${a.standing}）` : ""}`).join("、");
}
