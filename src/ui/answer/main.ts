// The answer form: sent through google.script.run (see ../shared/answer-form.ts),
// with a live character counter under each box that has a limit, counting
// characters as the server does (an emoji is one).
import { charCount, counterText } from "../../core/base/text";
import { sendFormsThroughScriptRun } from "../shared/answer-form";

sendFormsThroughScriptRun();

// On the document: a form the server sends back replaces the page's <main>.
document.addEventListener("input", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLTextAreaElement) || !box.dataset.limit) return;
  const limit = Number(box.dataset.limit);
  const counter = document.getElementById(`${box.id}-count`);
  if (!counter) return;
  counter.textContent = counterText(box.value, limit);
  counter.classList.toggle("over", charCount(box.value) > limit);
});
