// The answer and survey forms of the web app send through google.script.run:
// Apps Script shows a web app in a sandboxed frame that may not navigate the
// page (G-restr), so a plain form post to /exec never arrives. The server
// answers with the page to show — the receipt, or the form again with the
// input kept — and on a failure the form stays as typed.
import { SIGNED_IN_ACCOUNTS_ADVICE } from "../../core/mailing/signed-in-accounts";
import type { AnswerFormApi } from "./api";
import { errorText, serverFunctions } from "./server";

const call = serverFunctions<AnswerFormApi>();

/** The fields as a post would send them: the first value of each name, unchecked boxes left out. */
function fieldsOf(form: HTMLFormElement): Record<string, string> {
  const fields: Record<string, string> = {};
  new FormData(form).forEach((value, name) => {
    if (!(name in fields)) fields[name] = String(value);
  });
  return fields;
}

/** Shows the server's page in place of the current one's <main>, and moves focus to what it says first. */
function showPage(html: string): void {
  const next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
  const main = document.querySelector("main");
  if (!next || !main) throw new Error("受付のページを表示できませんでした。");
  main.replaceWith(document.importNode(next, true));
  const first = document.querySelector<HTMLElement>("#errors, .done, .notice");
  window.scrollTo(0, 0);
  if (first) {
    first.tabIndex = -1;
    first.focus();
  }
}

async function send(form: HTMLFormElement): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const status = form.querySelector<HTMLElement>(".sending");
  if (button?.disabled) return;
  if (button) button.disabled = true;
  if (status) {
    status.classList.remove("failed");
    status.textContent = "送信しています…";
  }
  try {
    const reply = await call("submitAnswerForm", fieldsOf(form));
    // A refusal (e.g. a sheet's headers need fixing) is shown like a failed send: the input stays.
    if (typeof reply !== "string") throw new Error(reply.message);
    showPage(reply);
  } catch (error) {
    // Nothing of the form is touched: the person sends the same input again.
    if (status) {
      status.classList.add("failed");
      status.textContent = `送信できませんでした（${errorText(error)}）。入力内容はそのままです。もう一度「回答を送信する」を押してください。${SIGNED_IN_ACCOUNTS_ADVICE}`;
      status.focus();
    }
    if (button) button.disabled = false;
  }
}

/** Sends every answer form of the page (and the one a reply shows) through google.script.run. */
export function sendFormsThroughScriptRun(): void {
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    void send(form);
  });
}
