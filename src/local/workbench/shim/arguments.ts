// google.script.run's parameter rules: numbers, booleans, strings, null and
// plain objects/arrays of those; a <form> only as the sole parameter. A Date,
// a function or a DOM node anywhere fails the call with Apps Script's message.

function illegal(property: string): Error {
  return new Error(`Failed due to illegal value in property: ${property}`);
}

function copy(value: unknown, property: string, seen: Set<object>): unknown {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : null;
    case "string":
    case "boolean":
      return value;
    case "object":
      break;
    default:
      throw illegal(property); // function, symbol, bigint
  }
  const object = value as object;
  if (object instanceof Date || Object.prototype.toString.call(object) === "[object Date]" || object instanceof Node || seen.has(object)) {
    throw illegal(property);
  }
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((v, i) => copy(v, String(i), seen));
    const result: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(object)) {
      if (v !== undefined) result[key] = copy(v, key, seen);
    }
    return result;
  } finally {
    seen.delete(object);
  }
}

/** A form's named, enabled, successful controls as {name: value}; a repeated name gives an array. */
function formValues(form: HTMLFormElement): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const add = (name: string, value: string) => {
    const previous = values[name];
    values[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  };
  for (const element of Array.from(form.elements)) {
    const control = element as HTMLInputElement & HTMLSelectElement;
    if (!control.name || control.disabled) continue;
    const type: string = control.type;
    if (["submit", "button", "reset", "image"].includes(type)) continue;
    if ((type === "checkbox" || type === "radio") && !control.checked) continue;
    if (type === "file") {
      if (control.files && control.files.length > 0) throw new Error("ワークベンチではフォームのファイル送信に対応していません。");
      continue;
    }
    if (type === "select-multiple") for (const option of Array.from(control.selectedOptions)) add(control.name, option.value);
    else add(control.name, control.value);
  }
  return values;
}

/** The parameters as the server receives them (copied), or the Error the failure handler gets. */
export function serializeArguments(args: unknown[]): unknown[] {
  if (args.length === 1 && args[0] instanceof HTMLFormElement) return [formValues(args[0])];
  return args.map((arg, i) => copy(arg, String(i), new Set()));
}
