// The workbench's own index behind 「ウェブアプリ ↗」 (Apps Script has no such
// page): the current cycle's answer links from the outbox, one per owner, each
// opening the form in a tab signed in as that owner. /exec alone needs a link's token.
import { cycleLabel } from "../../../core/follow-up/cycle";
import { escapeHtml } from "../../../core/base/text";
import { formatWarekiWithWeekday } from "../../../core/wareki";
import type { OutboxEntry } from "../../services/mail";
import type { SharedAddress } from "../protocol/api-types";
import { mailLinks, openerName, openers, type AnswerLink } from "./answer-links";

export const WEB_APP_LINKS = "/webapp-links";

const PURPOSES: { purpose: AnswerLink["purpose"]; name: string }[] = [
  { purpose: "follow-up", name: "進捗確認" },
  { purpose: "survey", name: "各局区への取組照会" },
];

interface Row {
  link: AnswerLink;
  sentAt: Date | null;
}

/** Per purpose, the links of the newest mail's cycle, the newest per owner (mails come newest first). */
export function currentLinks(mails: OutboxEntry[]): Map<AnswerLink["purpose"], Row[]> {
  const found = new Map<AnswerLink["purpose"], Map<string, Row>>();
  const cycles = new Map<AnswerLink["purpose"], string>();
  for (const mail of mails) {
    for (const link of mailLinks(mail)) {
      if (!cycles.has(link.purpose)) cycles.set(link.purpose, link.cycle);
      if (cycles.get(link.purpose) !== link.cycle) continue;
      const owners = found.get(link.purpose) ?? new Map<string, Row>();
      if (!owners.has(link.owner)) owners.set(link.owner, { link, sentAt: mail.date });
      found.set(link.purpose, owners);
    }
  }
  return new Map([...found].map(([purpose, owners]) => [purpose, [...owners.values()].sort((a, b) => a.link.owner.localeCompare(b.link.owner))]));
}

function cycleName(cycle: string): string {
  return /^\d{4}-\d{2}$/.test(cycle) ? cycleLabel(cycle) : cycle;
}

/** The cell that opens a link: as each person acting for a shared address, or as the addressee when it is their own. */
function openCell(link: AnswerLink, shared: readonly SharedAddress[]): string {
  const e = escapeHtml;
  const people = openers(link.owner, new URL(link.url).search, shared);
  if (people.length === 0) {
    return shared.some((s) => s.address === link.owner)
      ? "担当者シートにこのアドレスの担当者がいません"
      : `<a href="${e(link.openAs)}" target="_blank" rel="noopener">${e(link.owner)} として開く</a>`;
  }
  return people.map((p) => `<a href="${e(p.openAs)}" target="_blank" rel="noopener">${e(openerName(p))} として開く</a>`).join("<br>");
}

export function webAppLinksPage(mails: OutboxEntry[], shared: readonly SharedAddress[], now = Date.now()): string {
  const e = escapeHtml;
  const groups = currentLinks(mails);
  const sections = PURPOSES.filter(({ purpose }) => groups.has(purpose)).map(({ purpose, name }) => {
    const rows = groups.get(purpose)!;
    const body = rows.map(({ link, sentAt }) => `<tr><td>${e(link.owner)}</td>` +
      `<td>${sentAt ? e(formatWarekiWithWeekday(sentAt)) : ""}</td>` +
      `<td${link.expires < now ? ' class="expired"' : ""}>${e(formatWarekiWithWeekday(link.expires))}${link.expires < now ? "（期限切れ）" : ""}</td>` +
      `<td>${openCell(link, shared)}</td></tr>`).join("");
    return `<section><h2>${e(name)}（${e(cycleName(rows[0].link.cycle))}）— ${rows.length}名</h2>` +
      `<table><thead><tr><th scope="col">宛先</th><th scope="col">送信</th><th scope="col">回答期限</th><th scope="col">回答フォーム</th></tr></thead><tbody>${body}</tbody></table></section>`;
  });
  const empty = `<p class="empty">回答リンクつきのメールはまだありません。事務局のユーザーでメニュー「プラチナ → 今すぐ送信」を実行すると、ここに宛先ごとのリンクが並びます。</p>`;
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>回答フォームのリンク｜プラチナ ワークベンチ</title><style>
body{font:14px/1.6 system-ui,"Noto Sans CJK JP",sans-serif;color:#202124;margin:16px 24px;max-width:60em}h1{font-size:1.3em}h2{font-size:1.05em;margin-top:1.5em}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dadce0;padding:4px 8px;text-align:left}th{background:#f1f3f4}.expired{color:#a50e0e}.empty{color:#5f6368}
</style></head><body><h1>回答フォームのリンク</h1>
<p>送信箱のメールにある回答リンクを、最新のサイクルについて宛先ごとに並べています（ワークベンチだけの画面です。Apps Script のウェブアプリは、メールの個人用リンクからだけ開きます）。「… として開く」を押すと、新しいタブでそのタブだけその人としてログインしてフォームを開きます。課の共有アドレス宛てのリンクは、担当者シートでその課を担当している人として開きます（共有アドレスでログインする人はいません）。</p>
${sections.join("") || empty}
</body></html>`;
}
