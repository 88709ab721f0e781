// Apps Script HTML templates: compiling scriptlets into code of the same shape
// as HtmlTemplate.getCode(), and the contextual escaping that printing
// scriptlets (`output._$ = …`, i.e. appendUntrusted) apply.

/**
 * Statements appending to `output`: `output._ = '…'` for template text,
 * `output._$ = expr` for `<?= ?>` (escaped), `output._ = expr` for `<?!= ?>`
 * (raw), the code of `<? ?>` verbatim. Line N of the result is line N of the
 * template, so errors point at template lines, and a `//` comment in a
 * scriptlet swallows the rest of its template line, as in Apps Script.
 */
export function compileTemplate(source: string): string {
  let code = "";
  let pos = 0;
  for (;;) {
    const open = source.indexOf("<?", pos);
    code += textStatements(open < 0 ? source.slice(pos) : source.slice(pos, open));
    if (open < 0) return code;
    const close = source.indexOf("?>", open + 2);
    if (close < 0) {
      const line = source.slice(0, open).split("\n").length;
      throw new Error(`Unterminated scriptlet (missing "?>") at line ${line} of the template.`);
    }
    const scriptlet = source.slice(open + 2, close);
    if (scriptlet.startsWith("!=")) code += printStatement("output._", scriptlet.slice(2));
    else if (scriptlet.startsWith("=")) code += printStatement("output._$", scriptlet.slice(1));
    else code += `${scriptlet}; `;
    pos = close + 2;
  }
}

/** One `output._ = '…'` per template line, each followed by a real newline where the template has one. */
function textStatements(text: string): string {
  const lines = text.split("\n");
  return lines
    .map((line, i) => {
      const last = i === lines.length - 1;
      if (last) return line ? `output._ = ${jsString(line)}; ` : "";
      return `output._ = ${jsString(`${line}\n`)};\n`;
    })
    .join("");
}

function printStatement(target: string, expression: string): string {
  // An empty printing scriptlet prints nothing; keep its newlines for the line numbering.
  if (expression.trim() === "") return "\n".repeat(expression.split("\n").length - 1);
  return `${target} = ${expression}; `;
}

/** The `output` object compiled code writes to: `_` appends raw HTML, `_$` appends with contextual escaping. */
export function templateOutput(target: { append(html: string): unknown; appendUntrusted(value: unknown): unknown }) {
  return {
    set _(html: unknown) {
      target.append(html === null || html === undefined ? "" : String(html));
    },
    set _$(value: unknown) {
      target.appendUntrusted(value);
    },
  };
}

const STRING_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\r": "\\r",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

function jsString(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => STRING_ESCAPES[c])}'`;
}

// ---- contextual escaping -------------------------------------------------

type State =
  | "text"
  | "tagOpen"
  | "tagName"
  | "closeTag"
  | "declaration"
  | "comment"
  | "beforeAttr"
  | "attrName"
  | "afterAttrName"
  | "beforeValue"
  | "valueDq"
  | "valueSq"
  | "valueUnq"
  | "rawText";

/** Elements whose content is not parsed as tags; only script content is JavaScript. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title"]);

/**
 * Follows the HTML appended so far (a small tokenizer, enough to know where the
 * next untrusted value lands) and escapes values for that spot.
 */
export class HtmlContext {
  private state: State = "text";
  private tag = "";
  private attr = "";
  /** The last few characters, to spot "<!--", "-->" and end tags split across appends. */
  private recent = "";

  feed(html: string): void {
    for (const ch of html) this.step(ch);
  }

  /** `value` escaped for where it is being appended: HTML text, an attribute value or script. */
  escape(value: unknown): string {
    const text = value === null || value === undefined ? "" : String(value);
    switch (this.state) {
      case "rawText":
        return this.tag === "script" ? jsLiteral(value) : escapeHtml(text);
      case "valueDq":
      case "valueSq":
        return escapeHtml(this.inEventHandler() ? jsLiteral(value) : text);
      case "tagName":
      case "beforeAttr":
      case "attrName":
      case "afterAttrName":
      case "beforeValue":
      case "valueUnq":
        // Unquoted: also escape what would end the value or start another attribute.
        return escapeUnquoted(this.inEventHandler() ? jsLiteral(value) : text);
      default:
        return escapeHtml(text);
    }
  }

  private inEventHandler(): boolean {
    const inValue = ["beforeValue", "valueDq", "valueSq", "valueUnq"].includes(this.state);
    return inValue && this.attr.startsWith("on");
  }

  private step(ch: string): void {
    this.recent = (this.recent + ch).slice(-12);
    const space = /\s/.test(ch);
    switch (this.state) {
      case "text":
        if (ch === "<") this.state = "tagOpen";
        break;
      case "tagOpen":
        if (/[A-Za-z]/.test(ch)) {
          this.state = "tagName";
          this.tag = ch.toLowerCase();
        } else if (ch === "/") this.state = "closeTag";
        else if (ch === "!") this.state = "declaration";
        else if (ch !== "<") this.state = "text";
        break;
      case "tagName":
        if (ch === ">") this.endOfTag();
        else if (space || ch === "/") this.state = "beforeAttr";
        else this.tag += ch.toLowerCase();
        break;
      case "closeTag":
        if (ch === ">") this.state = "text";
        break;
      case "declaration":
        if (this.recent.endsWith("<!--")) this.state = "comment";
        else if (ch === ">") this.state = "text";
        break;
      case "comment":
        if (this.recent.endsWith("-->")) this.state = "text";
        break;
      case "beforeAttr":
        if (ch === ">") this.endOfTag();
        else if (!space && ch !== "/") this.startAttr(ch);
        break;
      case "attrName":
        if (ch === ">") this.endOfTag();
        else if (ch === "=") this.state = "beforeValue";
        else if (ch === "/") this.state = "beforeAttr";
        else if (space) this.state = "afterAttrName";
        else this.attr += ch.toLowerCase();
        break;
      case "afterAttrName":
        if (ch === ">") this.endOfTag();
        else if (ch === "=") this.state = "beforeValue";
        else if (ch === "/") this.state = "beforeAttr";
        else if (!space) this.startAttr(ch);
        break;
      case "beforeValue":
        if (ch === ">") this.endOfTag();
        else if (ch === '"') this.state = "valueDq";
        else if (ch === "'") this.state = "valueSq";
        else if (!space) this.state = "valueUnq";
        break;
      case "valueDq":
        if (ch === '"') this.state = "beforeAttr";
        break;
      case "valueSq":
        if (ch === "'") this.state = "beforeAttr";
        break;
      case "valueUnq":
        if (ch === ">") this.endOfTag();
        else if (space) this.state = "beforeAttr";
        break;
      case "rawText": {
        // Raw text ends only at its own end tag: "</script" followed by space, "/" or ">".
        const end = /<\/([A-Za-z]+)[\s/>]$/.exec(this.recent);
        if (end && end[1].toLowerCase() === this.tag) this.state = ch === ">" ? "text" : "closeTag";
        break;
      }
    }
  }

  private startAttr(ch: string): void {
    this.state = "attrName";
    this.attr = ch.toLowerCase();
  }

  private endOfTag(): void {
    this.state = RAW_TEXT_ELEMENTS.has(this.tag) ? "rawText" : "text";
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function escapeUnquoted(text: string): string {
  return text.replace(/[&<>"'`=\s/]/g, (c) => HTML_ESCAPES[c] ?? `&#${c.codePointAt(0)};`);
}

/**
 * A JavaScript literal for `value` that is inert inside <script>: strings are
 * quoted (so `var s = <?= s ?>;` works, as in Apps Script); "<", ">", "&" and
 * U+2028/9 become \u escapes so "</script>" or "<!--" cannot end the script,
 * and quotes too, so a literal printed inside a '…' or `…` string stays inside it.
 */
export function jsLiteral(value: unknown): string {
  const literal =
    typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : value === null || value === undefined
        ? "null"
        : JSON.stringify(String(value));
  return literal.replace(/[<>&'`\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
