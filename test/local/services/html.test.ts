import { identity } from "../../support/contexts";
import { describe, it, expect } from "vitest";
import vm from "node:vm";
import { emptyState, type ExecutionEnv } from "../../../src/local/execution/env";
import { createHtmlService, type HtmlProject } from "../../../src/local/services/html";

const env: ExecutionEnv = {
  clock: { now: () => Date.UTC(2026, 11, 1), sleep: () => undefined },
  timeZone: "Asia/Tokyo",
  ...identity("suzuki@city.platina.example"),
  state: emptyState(),
  log: () => undefined,
  ui: null,
};

const FILES: Record<string, string> = {
  "Sidebar.html": [
    "<!DOCTYPE html>",
    "<html><head><?!= include('Style') ?></head>",
    "<body>",
    "  <h1><?= greet(user) ?></h1>",
    "  <ul>",
    "  <? tasks.forEach(function (task) { ?>",
    '    <li data-id="<?= task.id ?>"><?= task.title ?></li>',
    "  <? }) ?>",
    "  </ul>",
    "  <script>var TASK_COUNT = <?= tasks.length ?>; var TITLE = <?= tasks[0].title ?>;</script>",
    "</body></html>",
  ].join("\n"),
  "Style.html": "<style>h1 { color: #333; }</style>",
};

/** An add-on's global context, as the runtime builds it from the bundle, plus HtmlService. */
function setup() {
  const context = vm.createContext({});
  vm.runInContext(
    `function greet(name) { return "こんにちは、" + name + "さん"; }
     function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }`,
    context,
  );
  const project: HtmlProject = {
    readFile: (name) => FILES[name] ?? FILES[`${name}.html`] ?? null,
    // As the runtime does it: the scope's properties become parameters of a function run in the context.
    evaluate(code, scope) {
      const names = Object.keys(scope);
      const fn = new vm.Script(`(function (${names.join(", ")}) {\n${code}\n})`).runInContext(context);
      return fn(...names.map((n) => scope[n]));
    },
  };
  const HtmlService = createHtmlService(env, project);
  context.HtmlService = HtmlService;
  return { HtmlService, context };
}

describe("HtmlService templates", () => {
  it("evaluates a file template whose scriptlets call the add-on's global functions and see template properties", () => {
    const { HtmlService } = setup();
    const template = HtmlService.createTemplateFromFile("Sidebar");
    template.user = "田中";
    template.tasks = [
      { id: 1, title: "予算要求 <確定>" },
      { id: 2, title: '"広報" & 周知' },
    ];
    const html = template.evaluate().getContent();

    expect(html).toContain("<head><style>h1 { color: #333; }</style></head>");
    expect(html).toContain("<h1>こんにちは、田中さん</h1>");
    expect(html).toContain('<li data-id="1">予算要求 &lt;確定&gt;</li>');
    expect(html).toContain('<li data-id="2">&quot;広報&quot; &amp; 周知</li>');
    expect(html).toContain('var TASK_COUNT = 2; var TITLE = "予算要求 \\u003c確定\\u003e";');
  });

  it("keeps <?= ?> inert inside <script>: the value stays a string and cannot close the element", () => {
    const { HtmlService, context } = setup();
    const template = HtmlService.createTemplate('<script>var payload = <?= value ?>;</script><p>after</p>');
    template.value = "</script><b>";
    const html = template.evaluate().getContent();

    expect(html).not.toContain("</script><b>");
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    vm.runInContext(script, context);
    expect(context.payload).toBe("</script><b>");
  });

  it("escapes in attribute values and prints <?!= ?> raw", () => {
    const { HtmlService } = setup();
    const template = HtmlService.createTemplate('<a title="<?= t ?>"><?!= t ?></a>');
    template.t = '"><i>x</i>';
    expect(template.evaluate().getContent()).toBe('<a title="&quot;&gt;&lt;i&gt;x&lt;/i&gt;">"><i>x</i></a>');
  });

  it("exposes the generated code and the raw source", () => {
    const { HtmlService } = setup();
    const template = HtmlService.createTemplate("<b><?= x ?></b>\n<? var y = 1 ?>");
    expect(template.getRawContent()).toBe("<b><?= x ?></b>\n<? var y = 1 ?>");
    expect(template.getCode()).toBe(
      "(function() { var output = HtmlService.initTemplate(); output._ = '<b>'; output._$ =  x ; output._ = '</b>\\n';\n" +
        " var y = 1 ; \nreturn output.$out.append(''); })();",
    );
    expect(template.getCodeWithComments().split("\n")[0]).toMatch(/output\._ = '<\/b>\\n'; \/\/ <b><\?= x \?><\/b>$/);
  });

  it("reports script errors from scriptlets", () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplate("<p><?= notDefined() ?></p>").evaluate()).toThrow("notDefined is not defined");
  });

  it("throws Apps Script's message for a missing file", () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutputFromFile("Nothing")).toThrow(new Error("No HTML file named Nothing was found."));
    expect(() => HtmlService.createTemplateFromFile("Nothing")).toThrow("No HTML file named Nothing was found.");
  });

  it("turns an HtmlOutput back into a template", () => {
    const { HtmlService } = setup();
    const template = HtmlService.createHtmlOutput("<p><?= n * 2 ?></p>").asTemplate();
    template.n = 21;
    expect(template.evaluate().getContent()).toBe("<p>42</p>");
  });
});

describe("HtmlOutput", () => {
  it("serves a file as is, without running its scriptlets", () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutputFromFile("Style.html").getContent()).toBe(FILES["Style.html"]);
    expect(HtmlService.createHtmlOutput(HtmlService.createTemplate("<?= 1 ?>").getRawContent()).getContent()).toBe("<?= 1 ?>");
  });

  it("reads content from a BlobSource", () => {
    const { HtmlService } = setup();
    const source = { getBlob: () => ({ getDataAsString: () => "<p>blob</p>" }) } as unknown as GoogleAppsScript.Base.BlobSource;
    expect(HtmlService.createHtmlOutput(source).getContent()).toBe("<p>blob</p>");
  });

  it("keeps title, size, favicon and meta tags, and chains", () => {
    const { HtmlService } = setup();
    const output = HtmlService.createHtmlOutput("<p>x</p>");
    expect(
      output
        .setTitle("課題一覧")
        .setWidth(800)
        .setHeight(500)
        .setFaviconUrl("https://example.jp/icon.png")
        .addMetaTag("viewport", "width=device-width")
        .setSandboxMode(HtmlService.SandboxMode.IFRAME)
        .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL),
    ).toBe(output);
    expect([output.getTitle(), output.getWidth(), output.getHeight(), output.getFaviconUrl()]).toEqual([
      "課題一覧",
      800,
      500,
      "https://example.jp/icon.png",
    ]);
    expect(output.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([["viewport", "width=device-width"]]);
    expect(String(HtmlService.SandboxMode.IFRAME)).toBe("IFRAME");
  });

  it("appends trusted content raw and untrusted content escaped for where it lands", () => {
    const { HtmlService } = setup();
    const output = HtmlService.createHtmlOutput("<div title=\"")
      .appendUntrusted('"x"')
      .append('"><script>var v = ')
      .appendUntrusted("</script>")
      .append(";</script>")
      .appendUntrusted("<b>");
    expect(output.getContent()).toBe('<div title="&quot;x&quot;"><script>var v = "\\u003c/script\\u003e";</script>&lt;b&gt;');
  });

  it("starts over on setContent and clear", () => {
    const { HtmlService } = setup();
    const output = HtmlService.createHtmlOutput("<script>");
    output.setContent("<p>");
    expect(output.appendUntrusted("<i>").getContent()).toBe("<p>&lt;i&gt;");
    expect(output.clear().getContent()).toBe("");
  });

  it("does not offer blobs offline", () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutput("x").getBlob()).toThrow("not supported by the local runtime");
  });
});
