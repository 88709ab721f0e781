// Colours as Sheets stores them: "#rrggbb" in lower case. CSS names are read
// for the basic colours only; anything else is refused with what to write
// instead, rather than stored as text that .xlsx cannot hold.

const NAMED: Record<string, string> = {
  black: "#000000", silver: "#c0c0c0", gray: "#808080", grey: "#808080", white: "#ffffff", maroon: "#800000",
  red: "#ff0000", purple: "#800080", fuchsia: "#ff00ff", green: "#008000", lime: "#00ff00", olive: "#808000",
  yellow: "#ffff00", navy: "#000080", blue: "#0000ff", teal: "#008080", aqua: "#00ffff", orange: "#ffa500",
};

/** "#ABC", "#aabbcc" or a basic CSS colour name → "#aabbcc"; throws for anything else. */
export function normalizeColor(color: unknown, member: string): string {
  const text = String(color).trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((ch) => ch + ch).join("")}`;
  const named = NAMED[text];
  if (named) return named;
  throw new Error(`${member}: 色「${String(color)}」を読めません。"#1a73e8" のような #rrggbb 形式で指定してください。`);
}
