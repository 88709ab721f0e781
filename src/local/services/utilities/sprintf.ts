// Utilities.formatString: the %s %d %i %f conversions with flags, width and precision.

export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(/%([-+0 ]*)(\d+)?(?:\.(\d+))?([sdif%])/g, (_match, flags: string, width?: string, precision?: string, kind?: string) => {
    if (kind === "%") return "%";
    const arg = args[next++];
    let out: string;
    if (kind === "s") out = precision === undefined ? String(arg) : String(arg).slice(0, Number(precision));
    else {
      const n = Number(arg);
      out = kind === "f" ? n.toFixed(precision === undefined ? 6 : Number(precision)) : String(Math.trunc(n));
      if (flags.includes("+") && n >= 0) out = `+${out}`;
    }
    const w = Number(width ?? 0);
    if (out.length >= w) return out;
    if (flags.includes("-")) return out.padEnd(w);
    if (flags.includes("0") && kind !== "s") {
      const sign = /^[+-]/.test(out) ? out[0] : "";
      return sign + out.slice(sign.length).padStart(w - sign.length, "0");
    }
    return out.padStart(w);
  });
}
