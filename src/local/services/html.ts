// HtmlService offline: HtmlOutput pages and HtmlTemplate scriptlets evaluated
// in the add-on's own vm context, so they can call its global functions.
import type { ExecutionEnv } from "../execution/env";
import { HtmlContext, compileTemplate, templateOutput } from "./html-template";

/** The add-on project as HtmlService sees it. */
export interface HtmlProject {
  /** A project HTML file's source, by name with or without ".html"; null if there is none. */
  readFile(name: string): string | null;
  /** Runs `code` in the add-on's global context with `scope`'s properties as variables. */
  evaluate(code: string, scope: Record<string, unknown>): unknown;
}

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

// Apps Script enum values print as their names; strings behave the same offline.
const SandboxMode = { EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" };
const XFrameOptionsMode = { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" };

// `env` is part of every service's signature; HtmlService needs nothing from it.
export function createHtmlService(_env: ExecutionEnv, project: HtmlProject): GoogleAppsScript.HTML.HtmlService {
  const template = (source: string): HtmlTemplate => new LocalHtmlTemplate(source, project, output);
  const output = (content: string) => new LocalHtmlOutput(content, template);
  const readFile = (name: string): string => {
    const source = project.readFile(name);
    if (source === null) throw new Error(`No HTML file named ${name} was found.`);
    return source;
  };

  return {
    SandboxMode: SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode,
    XFrameOptionsMode: XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode,
    createHtmlOutput: (html?: string | GoogleAppsScript.Base.BlobSource) => output(textOf(html)),
    createHtmlOutputFromFile: (name: string) => output(readFile(name)),
    createTemplate: (html: string | GoogleAppsScript.Base.BlobSource) => template(textOf(html)),
    createTemplateFromFile: (name: string) => template(readFile(name)),
    getUserAgent: () => "Mozilla/5.0 (platina local runtime)",
  };
}

function textOf(html: string | GoogleAppsScript.Base.BlobSource | undefined): string {
  if (html === undefined || html === null) return "";
  if (typeof html === "object" && typeof html.getBlob === "function") return html.getBlob().getDataAsString();
  return String(html);
}

class LocalHtmlOutput implements HtmlOutput {
  #content = "";
  #context = new HtmlContext();
  #title = "";
  // Apps Script documents no defaults; these are the usual size of a Sheets dialog.
  #width = 600;
  #height = 400;
  #faviconUrl = "";
  #metaTags: { name: string; content: string }[] = [];
  readonly #template: (source: string) => HtmlTemplate;

  constructor(content: string, template: (source: string) => HtmlTemplate) {
    this.#template = template;
    this.append(content);
  }

  append(addedContent: string): HtmlOutput {
    const text = String(addedContent ?? "");
    this.#content += text;
    this.#context.feed(text);
    return this;
  }

  /** Escaped for where it lands: HTML text, an attribute value or inside <script>. */
  appendUntrusted(addedContent: unknown): HtmlOutput {
    return this.append(this.#context.escape(addedContent));
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): HtmlOutput {
    this.clear();
    return this.append(content);
  }

  clear(): HtmlOutput {
    this.#content = "";
    this.#context = new HtmlContext();
    return this;
  }

  asTemplate(): HtmlTemplate {
    return this.#template(this.#content);
  }

  setTitle(title: string): HtmlOutput {
    this.#title = String(title);
    return this;
  }

  getTitle(): string {
    return this.#title;
  }

  setWidth(width: number): HtmlOutput {
    this.#width = Number(width);
    return this;
  }

  getWidth(): number {
    return this.#width;
  }

  setHeight(height: number): HtmlOutput {
    this.#height = Number(height);
    return this;
  }

  getHeight(): number {
    return this.#height;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.#metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.#metaTags.map((tag) => new LocalHtmlOutputMetaTag(tag.name, tag.content));
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.#faviconUrl = String(iconUrl);
    return this;
  }

  getFaviconUrl(): string {
    return this.#faviconUrl;
  }

  // Only IFRAME exists (others are ignored), and the offline page is never framed by another site.
  setSandboxMode(): HtmlOutput {
    return this;
  }

  setXFrameOptionsMode(): HtmlOutput {
    return this;
  }

  getAs(): GoogleAppsScript.Base.Blob {
    throw new Error("HtmlOutput.getAs() is not supported by the local runtime.");
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    throw new Error("HtmlOutput.getBlob() is not supported by the local runtime.");
  }
}

class LocalHtmlOutputMetaTag implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getContent(): string {
    return this.content;
  }
}

/** A JS identifier, so a template property can become a variable of the scriptlets. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** The variable through which evaluate() hands the scriptlets their `output`. */
const OUTPUT_VARIABLE = "__platinaTemplateOutput__";

class LocalHtmlTemplate implements HtmlTemplate {
  // Properties the script assigns (`t.rows = …`) are the template's variables.
  [propName: string]: any;
  readonly #source: string;
  readonly #project: HtmlProject;
  readonly #output: (content: string) => LocalHtmlOutput;

  constructor(source: string, project: HtmlProject, output: (content: string) => LocalHtmlOutput) {
    this.#source = source;
    this.#project = project;
    this.#output = output;
  }

  evaluate(): HtmlOutput {
    const body = compileTemplate(this.#source);
    const result = this.#output("");
    const scope: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this)) if (IDENTIFIER.test(name)) scope[name] = value;
    scope[OUTPUT_VARIABLE] = templateOutput(result);
    // Same body as getCode(), so line N of the evaluated code is still template line N.
    this.#project.evaluate(`(function (output) { ${body}\n})(${OUTPUT_VARIABLE});`, scope);
    return result;
  }

  /** The generated code in the shape Apps Script's getCode() shows. */
  getCode(): string {
    const body = compileTemplate(this.#source);
    return `(function() { var output = HtmlService.initTemplate(); ${body}\nreturn output.$out.append(''); })();`;
  }

  /** getCode() with each template line appended as a comment to its line of code. */
  getCodeWithComments(): string {
    const templateLines = this.#source.split("\n");
    return this.getCode()
      .split("\n")
      .map((line, i) => (i < templateLines.length ? `${line} // ${templateLines[i]}` : line))
      .join("\n");
  }

  getRawContent(): string {
    return this.#source;
  }
}
