// The executions log: every execution's entry point, user, wall and simulated
// time, result or error, logs and service calls — newest first.
import type { ExecutionView } from "../protocol/api-types";
import { h } from "./dom";
import { formatMs, formatTokyo } from "./format";

const KINDS: Record<ExecutionView["kind"], string> = {
  menu: "メニュー",
  script: "google.script.run",
  open: "onOpen",
  edit: "編集",
  trigger: "トリガー",
  webapp: "ウェブアプリ",
};

function totalCalls(calls: ExecutionView["calls"]): number {
  return Object.values(calls).reduce((sum, methods) => sum + Object.values(methods).reduce((a, b) => a + b, 0), 0);
}

function details(execution: ExecutionView): HTMLElement {
  const calls = Object.entries(execution.calls).flatMap(([service, methods]) =>
    Object.entries(methods).map(([method, n]) => h("li", {}, `${service}.${method} × ${n}`)));
  return h("div", { class: "exec-details" },
    execution.error ? h("pre", { class: "exec-error" }, execution.error) : null,
    execution.result !== undefined ? h("div", {}, h("strong", {}, "戻り値: "), h("code", {}, execution.result)) : null,
    execution.effectiveUser && execution.effectiveUser !== execution.user ? h("div", {}, `実行ユーザー（effective）: ${execution.effectiveUser}`) : null,
    calls.length ? h("div", {}, h("strong", {}, "サービス呼び出し"), h("ul", {}, ...calls)) : null,
    execution.logs.length ? h("div", {}, h("strong", {}, "ログ"), h("pre", {}, execution.logs.join("\n"))) : null);
}

export class ExecutionsPanel {
  private readonly list: HTMLTableSectionElement;

  constructor(readonly element: HTMLElement) {
    this.list = h("tbody");
    element.append(
      h("table", { class: "panel-table" },
        h("thead", {}, h("tr", {}, ...["開始", "種類", "エントリポイント", "ユーザー", "実時間", "模擬時間", "呼び出し", "結果"].map((t) => h("th", {}, t)))),
        this.list),
    );
  }

  show(executions: ExecutionView[]): void {
    this.list.replaceChildren();
    for (const execution of executions) this.add(execution);
  }

  add(execution: ExecutionView): void {
    const row = h("tr", { class: execution.ok ? "ok" : "failed", "data-entry": execution.entryPoint },
      h("td", {}, formatTokyo(execution.startedAt)),
      h("td", {}, KINDS[execution.kind]),
      h("td", {}, h("code", {}, execution.entryPoint)),
      h("td", {}, execution.user || "（なし）"),
      h("td", { class: "num" }, formatMs(execution.wallMs)),
      h("td", { class: "num" }, formatMs(execution.simulatedMs)),
      h("td", { class: "num" }, String(totalCalls(execution.calls))),
      h("td", { class: "result" }, execution.ok ? "完了" : `エラー: ${execution.error ?? ""}`));
    row.addEventListener("click", () => {
      const next = row.nextElementSibling;
      if (next?.classList.contains("detail-row")) next.remove();
      else row.after(h("tr", { class: "detail-row" }, h("td", { colspan: 8 }, details(execution))));
    });
    this.list.prepend(row);
  }
}
