// Installed triggers with their next firing (Asia/Tokyo), "今すぐ実行", and the
// workbench clock, which can be advanced: what falls due on the way fires in order.
import type { TriggerView } from "../protocol/api-types";
import { getJson, postJson } from "./api";
import { h } from "./dom";
import { formatTokyo, parseTokyoLocal, toTokyoLocal } from "./format";

const HOUR = 3600_000;
const STEPS: [string, number][] = [["+1時間", HOUR], ["+1日", 24 * HOUR], ["+1週間", 7 * 24 * HOUR]];

export class TriggersPanel {
  private now = 0;
  /** When `now` was learned, to let a running clock tick on the page. */
  private learnedAt = 0;
  private running = false;
  private readonly clock = h("strong", { class: "clock-now" });
  private readonly target = h("input", { type: "datetime-local", "aria-label": "進める先の日時（日本時間）" });
  private readonly list = h("tbody");
  private readonly status = h("span", { class: "panel-status", role: "status" });

  constructor(
    readonly element: HTMLElement,
    private readonly report: (title: string, message: string) => void,
  ) {
    element.append(
      h("div", { class: "clock-bar" },
        h("span", {}, "現在時刻（日本時間）: "), this.clock,
        ...STEPS.map(([label, ms]) => h("button", { type: "button", onclick: () => this.advance(this.current() + ms) }, label)),
        this.target,
        h("button", { type: "button", onclick: () => this.advance(parseTokyoLocal(this.target.value)) }, "この日時まで進める"),
        this.status),
      h("table", { class: "panel-table" },
        h("thead", {}, h("tr", {}, ...["関数", "種類", "作成者", "次回の実行", ""].map((t) => h("th", {}, t)))),
        this.list),
    );
    setInterval(() => this.tick(), 1000);
  }

  setClock(now: number, running: boolean): void {
    this.now = now;
    this.learnedAt = Date.now();
    this.running = running;
    this.tick();
    this.target.value = toTokyoLocal(now + 24 * HOUR);
  }

  async refresh(): Promise<void> {
    const triggers = await getJson<TriggerView[]>("/api/triggers");
    this.list.replaceChildren(
      ...(triggers.length ? triggers.map((t) => this.row(t)) : [h("tr", {}, h("td", { colspan: 5, class: "empty" }, "インストールされたトリガーはありません。"))]),
    );
  }

  private current(): number {
    return this.running ? this.now + (Date.now() - this.learnedAt) : this.now;
  }

  private tick(): void {
    this.clock.textContent = formatTokyo(this.current());
  }

  private row(trigger: TriggerView): HTMLElement {
    const runnable = trigger.eventType === "CLOCK" || trigger.eventType === "ON_OPEN";
    return h("tr", { "data-trigger": trigger.uid },
      h("td", {}, h("code", {}, trigger.handler)),
      h("td", {}, trigger.schedule),
      h("td", {}, trigger.owner),
      h("td", {}, trigger.nextRun === null ? "—" : formatTokyo(trigger.nextRun)),
      h("td", {}, runnable ? h("button", { type: "button", onclick: () => this.runNow(trigger) }, "今すぐ実行") : null));
  }

  private async runNow(trigger: TriggerView): Promise<void> {
    this.status.textContent = `${trigger.handler} を実行しています…`;
    const result = await postJson<{ ok: boolean; error?: string }>("/api/triggers/run", { uid: trigger.uid });
    this.status.textContent = result.ok ? `${trigger.handler} を実行しました。` : "";
    if (!result.ok) this.report("トリガーの実行に失敗しました", result.error ?? "");
    await this.refresh();
  }

  private async advance(to: number): Promise<void> {
    if (!Number.isFinite(to)) return;
    this.status.textContent = "時計を進めています…";
    const { now, fired } = await postJson<{ now: number; fired: number }>("/api/clock", { to });
    this.setClock(now, this.running);
    this.status.textContent = fired ? `${fired} 件のトリガーを実行しました。` : "期限の来たトリガーはありませんでした。";
    await this.refresh();
  }
}
