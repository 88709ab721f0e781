// What a form says to a signed-in person who may not act for the address its link is
// signed for (the answer form, the bureau survey): which section, who may act for it
// that day, and that the secretariat can add them in 担当者 — nothing of the issues.
import { formatWareki } from "./wareki";
import { dayToDate } from "./contracts/pt-values";
import type { Acting, Delegation } from "./delegation";

export interface Refusal {
  /** The first paragraph: whose link it is, and why this person may not use it. */
  message: string;
  /** 「山田 太郎（担当）」 for each person listed for the address that day. */
  people: string[];
  /** What to do about it. */
  advice: string;
}

function person(d: Delegation): string {
  return `${d.name || d.person}（${d.role}）`;
}

/** `section`: how staff name the address, e.g. 「総務市民局 人事課」 ("" when not known). */
export function refusalOf(refused: Extract<Acting, { ok: false }> & { reason: "not listed" | "lapsed" }, section: string): Refusal {
  const whose = section ? `${section}（${refused.address}）` : `${refused.address} `;
  const lapsed = refused.lapsed;
  const why = lapsed
    ? `${refused.person} は担当者シートで${lapsed.role}として登録されていますが、その期間（${period(lapsed)}）は今日を含みません。`
    : `いまログインしている ${refused.person} は、担当者シートでこのアドレスの担当・代理として登録されていません。`;
  const advice = "回答が必要な場合は、市政変革推進室（事務局）に担当者シートへの登録（または期間の変更）を依頼してください。登録されると、同じリンクから回答できます。別のアカウントでログインしている場合は、仕事用のアカウントに切り替えてから開き直してください。";
  return {
    message: `このリンクは ${whose}あてのご回答用です。${why}何も記録していません。`,
    people: refused.listed.map(person),
    advice,
  };
}

function period(d: Delegation): string {
  const day = (value: string | null) => (value ? formatWareki(dayToDate(value)) : "");
  return `${day(d.start)}〜${day(d.end)}`;
}
