// The issue form's inputs, built from the 課題 contract's description of each
// editable field: a new field gets its input, help, counter and error line here.
import { INPUTS, type EditableField, type FieldInput } from "../../core/contracts/issues";
import { charCount, counterText } from "../../core/base/text";
import { dateInputType } from "../../core/issue-fields";
import { h } from "../shared/dom";
import type { Draft } from "./logic";

interface FieldView {
  input: FieldInput;
  /** The elements that take the value (the radios of a choice). */
  controls: (HTMLInputElement | HTMLTextAreaElement)[];
  error: HTMLElement;
  counter: HTMLElement | null;
}

export interface IssueForm {
  read(previous: Draft): Draft;
  write(draft: Draft): void;
  /** Counters, error lines and aria-invalid for the current input. */
  show(errors: Partial<Record<EditableField, string>>): void;
  focus(field: EditableField): void;
}

function choiceView(input: FieldInput): [HTMLElement, FieldView] {
  const { slug, label } = input;
  const choices = input.choices ?? [];
  const worded = choices.some((choice) => choice.help);
  const radios = choices.map((choice, i) =>
    h("input", { type: "radio", name: slug, id: `${slug}-${i}`, value: choice.value, ...(choice.help ? { "aria-describedby": `${slug}-${i}-help` } : {}) }));
  const options = h("div", { id: `${slug}-options` },
    ...choices.map((choice, i) =>
      h("div", { class: `option ${slug}-${choice.value}` },
        radios[i],
        h("label", { for: `${slug}-${i}` }, choice.value),
        ...(choice.help ? [h("p", { id: `${slug}-${i}-help`, class: "help" }, choice.help)] : []),
      )),
  );
  // Options with their own wording need no line of help besides.
  const help = input.help && !worded ? [h("p", { id: `${slug}-help`, class: "help" }, input.help)] : [];
  const error = h("p", { id: `${slug}-error`, class: "field-error" });
  const describedBy = [...help.map((p) => p.id), error.id].join(" ");
  const group = h("fieldset", { id: `${slug}-group`, class: "choices", "aria-describedby": describedBy }, h("legend", {}, label), options, ...help, error);
  return [group, { input, controls: radios, error, counter: null }];
}

function textView(input: FieldInput): [HTMLElement, FieldView] {
  const { slug, label, lines, maxLength, placeholder, kind } = input;
  const help = input.help ? h("p", { id: `${slug}-help`, class: "help" }, input.help) : null;
  const counter = lines && maxLength !== undefined ? h("p", { id: `${slug}-count`, class: "help counter" }) : null;
  const error = h("p", { id: `${slug}-error`, class: "field-error" });
  const describedBy = [help, counter, error].flatMap((p) => (p ? [p.id] : [])).join(" ");
  const attributes = { id: slug, "aria-describedby": describedBy, ...(placeholder ? { placeholder } : {}) };
  const control = lines
    ? h("textarea", { ...attributes, rows: String(lines) })
    : h("input", { ...attributes, type: kind === "date" ? "date" : "text", autocomplete: "off", ...(kind === "number" ? { inputmode: "decimal" } : {}) });
  const field = h("div", { class: "field" }, h("label", { for: slug }, label), control, ...[help, counter, error].flatMap((p) => (p ? [p] : [])));
  return [field, { input, controls: [control], error, counter }];
}

function valueOf(view: FieldView, fallback: string): string {
  if (view.input.kind !== "choice") return view.controls[0].value;
  return view.controls.find((radio) => (radio as HTMLInputElement).checked)?.value ?? fallback;
}

/** Appends an input per editable field to `container`, in the contract's order. */
export function renderIssueForm(container: HTMLElement): IssueForm {
  const views = INPUTS.map((input) => {
    const [element, view] = input.kind === "choice" ? choiceView(input) : textView(input);
    container.append(element);
    return view;
  });
  return {
    read(previous) {
      const draft = { ...previous };
      for (const view of views) draft[view.input.field] = valueOf(view, previous[view.input.field]);
      return draft;
    },
    write(draft) {
      for (const view of views) {
        const value = draft[view.input.field];
        if (view.input.kind === "choice") for (const radio of view.controls as HTMLInputElement[]) radio.checked = radio.value === value;
        else {
          if (view.input.kind === "date") (view.controls[0] as HTMLInputElement).type = dateInputType(value);
          view.controls[0].value = value;
        }
      }
    },
    show(errors) {
      for (const view of views) {
        const { field, maxLength } = view.input;
        view.error.textContent = errors[field] ?? "";
        for (const control of view.controls) control.setAttribute("aria-invalid", String(Boolean(errors[field])));
        if (view.counter && maxLength !== undefined) {
          const text = view.controls[0].value;
          view.counter.textContent = counterText(text, maxLength);
          view.counter.classList.toggle("over", charCount(text) > maxLength);
        }
      }
    },
    focus(field) {
      const view = views.find((v) => v.input.field === field);
      if (!view) return;
      const checked = view.controls.find((c) => c instanceof HTMLInputElement && c.type === "radio" && c.checked);
      (checked ?? view.controls[0])?.focus();
    },
  };
}
