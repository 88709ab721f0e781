import { describe, it, expect } from "vitest";
import { HtmlContext, compileTemplate, escapeHtml, jsLiteral, templateOutput } from "../../../src/local/services/html-template";

/** Runs the compiled template with `vars` as variables and returns the HTML it outputs. */
function render(source: string, vars: Record<string, unknown> = {}): string {
  let html = "";
  const context = new HtmlContext();
  const sink = {
    append(text: string) {
      html += text;
      context.feed(text);
    },
    appendUntrusted(value: unknown) {
      sink.append(context.escape(value));
    },
  };
  const names = Object.keys(vars);
  new Function("output", ...names, compileTemplate(source))(templateOutput(sink), ...names.map((n) => vars[n]));
  return html;
}

describe("compileTemplate", () => {
  it("generates output._ / output._$ statements in the shape of Apps Script's getCode()", () => {
    expect(compileTemplate("<p><?= name ?></p>\n<? if (ok) { ?>OK<? } ?><?!= raw ?>")).toBe(
      "output._ = '<p>'; output._$ =  name ; output._ = '</p>\\n';\n" +
        " if (ok) { ; output._ = 'OK';  } ; output._ =  raw ; ",
    );
  });

  it("keeps template line N on code line N, including multi-line scriptlets", () => {
    const source = "<ul>\n<? for (var i = 0;\n  i < 2; i++) { ?>\n  <li><?= i ?></li>\n<? } ?>\n</ul>\n";
    const code = compileTemplate(source).split("\n");
    expect(code).toHaveLength(source.split("\n").length);
    expect(code[3]).toContain("output._$ =  i ;");
    expect(code[4]).toContain("}");
  });

  it("runs standard scriptlets as code and prints only through <?= ?> and <?!= ?>", () => {
    const source = "<ul>\n<? rows.forEach(function (row) { ?>\n  <li><?= row ?></li>\n<? }) ?>\n</ul>";
    expect(render(source, { rows: ["A&B", "<i>"] })).toBe("<ul>\n\n  <li>A&amp;B</li>\n\n  <li>&lt;i&gt;</li>\n\n</ul>");
    expect(render("<?!= html ?>|<?= html ?>", { html: "<b>x</b>" })).toBe("<b>x</b>|&lt;b&gt;x&lt;/b&gt;");
  });

  it("prints the first statement of a printing scriptlet and runs the rest", () => {
    expect(render("<?= a; log.push(1) ?>", { a: "x", log: [] })).toBe("x");
  });

  it("lets a // comment in a scriptlet swallow the rest of its template line", () => {
    expect(render("A<? // note ?>B\nC")).toBe("AC");
  });

  it("escapes quotes, backslashes and line separators of template text", () => {
    const text = "it's \\ \"q\" \r\n\u2028end";
    expect(render(text)).toBe(text);
  });

  it("prints nothing for null, undefined and empty scriptlets", () => {
    expect(render("[<?= nothing ?>|<?= null ?>|<?= ?>|<?!= undefined ?>]", { nothing: undefined })).toBe("[|||]");
  });

  it("reports an unterminated scriptlet with its line", () => {
    expect(() => compileTemplate("<p>\n<?= name </p>")).toThrow('Unterminated scriptlet (missing "?>") at line 2 of the template.');
  });
});

describe("contextual escaping", () => {
  const evil = `</script><b title='x'>"&`;

  it("entity-escapes in HTML text, comments, <title> and <textarea>", () => {
    expect(render("<p><?= v ?></p>", { v: evil })).toBe("<p>&lt;/script&gt;&lt;b title=&#39;x&#39;&gt;&quot;&amp;</p>");
    expect(render("<textarea><?= v ?></textarea>", { v: "</textarea>" })).toBe("<textarea>&lt;/textarea&gt;</textarea>");
    expect(render("<!-- <?= v ?> -->", { v: "-->" })).toBe("<!-- --&gt; -->");
  });

  it("entity-escapes inside quoted attribute values", () => {
    expect(render('<a title="<?= v ?>" data-x=\'<?= v ?>\'>', { v: `"' onmouseover=alert(1)` })).toBe(
      '<a title="&quot;&#39; onmouseover=alert(1)" data-x=\'&quot;&#39; onmouseover=alert(1)\'>',
    );
  });

  it("also escapes spaces and = in unquoted attribute values, so no attribute can be added", () => {
    expect(render("<input value=<?= v ?>>", { v: "a onfocus=alert(1)" })).toBe("<input value=a&#32;onfocus&#61;alert(1)>");
  });

  it("prints JavaScript literals inside <script>, inert against </script>", () => {
    const html = render("<script>var s = <?= s ?>, n = <?= n ?>, b = <?= b ?>, z = <?= z ?>;</script><p><?= s ?></p>", {
      s: "</script><b>",
      n: 12.5,
      b: true,
      z: null,
    });
    expect(html).toBe(
      '<script>var s = "\\u003c/script\\u003e\\u003cb\\u003e", n = 12.5, b = true, z = null;</script><p>&lt;/script&gt;&lt;b&gt;</p>',
    );
  });

  it("prints a JS literal, then entity-escapes it, in on* event handler attributes", () => {
    expect(render(`<button onclick="go(<?= id ?>)">`, { id: `a"b` })).toBe('<button onclick="go(&quot;a\\&quot;b&quot;)">');
  });

  it("tracks context across appends, including raw (<?!= ?>) ones", () => {
    const context = new HtmlContext();
    context.feed("<scr");
    context.feed("ipt>var a = 1; if (a </");
    expect(context.escape("x")).toBe('"x"'); // "</" alone does not end the script
    context.feed("script>");
    expect(context.escape("<x>")).toBe("&lt;x&gt;");
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("builds JS literals that survive inside quotes and line separators", () => {
    expect(jsLiteral("it's `x`\u2028")).toBe('"it\\u0027s \\u0060x\\u0060\\u2028"');
    expect(eval(jsLiteral("</script>\u2029'"))).toBe("</script>\u2029'");
    expect(jsLiteral(undefined)).toBe("null");
    expect(jsLiteral([1, 2])).toBe('"1,2"');
  });
});
