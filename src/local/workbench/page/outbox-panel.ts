// Mail the add-on sent, newest first: headers, the HTML part in a sandboxed
// frame that runs no script, the text part, and the .eml to download. The
// frame's links cannot open anything, so each answer link gets a control here
// that opens the form in a new tab: as the addressee when it is a person's own
// address; for a section's shared address, which nobody signs in as, it asks
// which of the people listed for it (担当者) opens it.
import type { AnswerLinkView, OutboxView } from "../protocol/api-types";
import { getJson } from "./api";
import { h } from "./dom";
import { formatTokyo } from "./format";

export class OutboxPanel {
  private readonly list = h("ul", { class: "mail-list" });
  private readonly view = h("div", { class: "mail-view" }, h("p", { class: "empty" }, "メールを選んでください。"));
  private selected: string | null = null;
  /** The mail the view shows: a sent mail never changes, so a refresh leaves its view (and an open chooser) alone. */
  private shown: string | null = null;

  constructor(readonly element: HTMLElement) {
    element.append(h("div", { class: "mail-split" }, this.list, this.view));
  }

  async refresh(): Promise<void> {
    const mails = await getJson<OutboxView[]>("/api/outbox");
    this.list.replaceChildren(
      ...(mails.length ? mails.map((m) => this.item(m)) : [h("li", { class: "empty" }, "送信されたメールはありません。")]),
    );
    const selected = mails.find((m) => m.id === this.selected);
    if (selected && selected.id !== this.shown) this.open(selected);
  }

  private item(mail: OutboxView): HTMLElement {
    return h("li", { class: mail.id === this.selected ? "selected" : "", "data-mail": mail.id, onclick: () => this.open(mail) },
      h("div", { class: "mail-subject" }, mail.subject || "（件名なし）"),
      h("div", { class: "mail-meta" }, `${mail.to.join(", ")}　${mail.date ? formatTokyo(Date.parse(mail.date)) : ""}`));
  }

  private open(mail: OutboxView): void {
    this.selected = mail.id;
    this.list.querySelectorAll("li").forEach((li) => li.classList.toggle("selected", li.dataset.mail === mail.id));
    const header = (label: string, value: string) => (value ? h("tr", {}, h("th", {}, label), h("td", {}, value)) : null);
    const base = `/api/outbox/${encodeURIComponent(mail.id)}`;
    const parts: (HTMLElement | null)[] = [
      h("table", { class: "mail-headers" },
        header("件名", mail.subject),
        header("差出人", mail.from),
        header("宛先", mail.to.join(", ")),
        header("Cc", mail.cc.join(", ")),
        header("Bcc", mail.bcc.join(", ")),
        header("日時", mail.date ? formatTokyo(Date.parse(mail.date)) : "")),
      ...mail.links.map((link) => answerControl(link)),
      h("a", { href: `${base}/eml`, download: mail.id, class: "eml-link" }, ".eml をダウンロード"),
      // sandbox="" : no scripts, no same-origin, no forms — the mail can only be looked at.
      mail.hasHtml ? h("iframe", { class: "mail-html", sandbox: "", src: `${base}/html`, title: "HTML 本文" }) : null,
      h("details", { open: !mail.hasHtml }, h("summary", {}, "テキスト本文"), h("pre", { class: "mail-text" }, mail.text)),
    ];
    this.view.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
    this.shown = mail.id;
  }
}

/** 「回答フォームを開く」: straight away as a person's own address; for a shared address, a choice of its listed people. */
function answerControl(link: AnswerLinkView): HTMLElement {
  if (!link.shared) {
    return h("p", { class: "mail-answer-link" },
      h("a", { href: link.openAs, target: "_blank", rel: "noopener", class: "open-answer-form" }, `回答フォームを開く（${link.owner} として新しいタブで）`));
  }
  if (link.people.length === 0) {
    return h("p", { class: "mail-answer-link" }, `共有アドレス ${link.owner} の担当者が担当者シートにいないため、回答フォームを開ける人がいません。`);
  }
  return h("details", { class: "mail-answer-link answer-chooser" },
    h("summary", { class: "open-answer-form" }, "回答フォームを開く…"),
    h("p", {}, `共有アドレス ${link.owner} 宛てです。だれとして開きますか（新しいタブだけがその人としてログインします）。`),
    h("ul", {}, ...link.people.map((p) => h("li", {},
      h("a", { href: p.openAs, target: "_blank", rel: "noopener", class: "open-as-person", "data-email": p.email }, `${p.name || p.email}（${p.role}）${p.name ? ` ${p.email}` : ""} として開く`)))));
}
