import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createPartnership, createPerson } from "./support/factories";

/**
 * Whatever a member types into a story, the HTML the API hands back (on save, to members,
 * and on the public page) cannot run script: no script elements, no event handler
 * attributes, no javascript:, vbscript: or data: URLs. The HTML is parsed the way a
 * browser would read it, entities decoded, rather than searched with patterns alone.
 */

const database = withTestDatabase();

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<ScRiPt>alert(1)</sCrIpT>",
  "<script src=https://evil.example/x.js></script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<img src=x onerror=alert(1)>",
  '<img src="https://example.org/a.png" alt="a" onload="alert(1)">',
  "<body onload=alert(1)>",
  "<div onmouseover=\"alert(1)\">hover</div>",
  "<input autofocus onfocus=alert(1)>",
  "<details open ontoggle=alert(1)>x</details>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  "<style>@import 'javascript:alert(1)';</style>",
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
  "[click](javascript&#58;alert(1))",
  "[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
  "[click]( javascript:alert(1) )",
  "[click][ref]\n\n[ref]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
  "[vb](vbscript:msgbox(1))",
  "![pic](javascript:alert(1))",
  '![pic](https://example.org/a.png "x\\" onerror=\\"alert(1)")',
  "[<img src=x onerror=alert(1)>](https://example.org)",
  "[![pic](javascript:alert(1))](javascript:alert(2))",
  "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<!--><img src=x onerror=alert(1)>-->",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "```\n</code><script>alert(1)</script>\n```",
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
  "> [quote](javascript:alert(1))\n> <script>alert(1)</script>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;img src=x onerror=alert(1)&#62;",
  "\\<script\\>alert(1)\\</script\\>",
  "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
];

type Element = { name: string; attribs: Record<string, string> };

/** Every element in the HTML, attribute values decoded as a browser would decode them. */
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

/** The scheme a browser would see: control characters and whitespace dropped, any case. */
function scheme(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
}

function expectHarmless(html: string, where: string, payload: string) {
  const context = `${where}: ${payload}\n→ ${html}`;
  expect(html.toLowerCase(), context).not.toContain("<script");
  const elements = elementsOf(html);
  for (const { name, attribs } of elements) {
    expect(["script", "iframe", "svg", "math", "style", "object", "embed", "meta", "base", "link", "form", "input"], context).not.toContain(name);
    for (const [attribute, value] of Object.entries(attribs)) {
      expect(attribute.startsWith("on"), `${context}\n(attribute ${attribute})`).toBe(false);
      expect(["style", "srcdoc", "xlink:href", "formaction"], context).not.toContain(attribute);
      expect(scheme(value), context).not.toMatch(/^(javascript|vbscript|data):/);
      expect(scheme(value), context).not.toContain("javascript:");
    }
  }
  // Beside the parser: no tag in the raw text carries an on*= attribute (quoted values set aside).
  expect(html.replace(/"[^"]*"/g, '""'), context).not.toMatch(/<[a-z0-9]+[^>]*\son[a-z]+\s*=/i);
}

async function space(db: Database) {
  const partnership = await createPartnership(db);
  await db.partnership.update({ where: { id: partnership.id }, data: { publishesPortfolio: true } });
  const author = (await createPerson(db, { name: "Ada Author" })).actor;
  const officer = (await createPerson(db, { name: "Olu Officer" })).actor;
  const reader = (await createPerson(db, { name: "Rae Reader" })).actor;
  await addMember(db, partnership.id, author.userId, "MEMBER");
  await addMember(db, partnership.id, officer.userId, "OFFICER");
  await addMember(db, partnership.id, reader.userId, "OBSERVER");
  return {
    partnership,
    author: callerFor(db, author),
    officer: callerFor(db, officer),
    reader: callerFor(db, reader),
    anyone: callerFor(db, null),
  };
}

describe("story HTML is safe whatever is written", () => {
  it("has a real set of payloads", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(PAYLOADS)("neutralises %s on create, update, get and the public page", async (payload) => {
    const { db } = database;
    const s = await space(db);
    const base = {
      title: "A story",
      summary: "",
      themes: ["CREATIVE_ACCESSIBLE_COMMUNICATION" as const],
      isPublic: true,
      organisationIds: [],
      projectIds: [],
    };
    const created = await s.author.story.create({ partnershipSlug: s.partnership.slug, ...base, body: payload });
    expectHarmless(created.html, "create", payload);

    const updated = await s.author.story.update({
      storyId: created.id,
      version: created.version,
      ...base,
      body: `Before it:\n\n${payload}\n\nAnd inline: ${payload} done.`,
    });
    expectHarmless(updated.html, "update", payload);

    await s.author.story.submit({ storyId: created.id });
    expectHarmless((await s.officer.story.get({ storyId: created.id })).html, "get (officer, submitted)", payload);
    await s.officer.story.moderate({ storyId: created.id, action: "PUBLISH", note: "" });
    expectHarmless((await s.reader.story.get({ storyId: created.id })).html, "get (reader)", payload);
    expectHarmless((await s.author.story.get({ storyId: created.id })).html, "get (author)", payload);
    const page = await s.anyone.story.publicGet({ partnershipSlug: s.partnership.slug, storyId: created.id });
    expectHarmless(page.story.html, "publicGet", payload);
  });

  it("sanitises on every read, even a body stored before today's rules", async () => {
    const { db } = database;
    const s = await space(db);
    const author = await db.membership.findFirstOrThrow({ where: { partnershipId: s.partnership.id, role: "MEMBER" } });
    const story = await db.story.create({
      data: {
        partnershipId: s.partnership.id,
        authorId: author.userId,
        title: "Stored long ago",
        body: PAYLOADS.join("\n\n"),
        status: "PUBLISHED",
        isPublic: true,
        publishedAt: new Date(),
      },
    });
    expectHarmless((await s.reader.story.get({ storyId: story.id })).html, "get", "every payload at once");
    const page = await s.anyone.story.publicGet({ partnershipSlug: s.partnership.slug, storyId: story.id });
    expectHarmless(page.story.html, "publicGet", "every payload at once");
    // A summary is plain text, cut short, that pages show as text (typed tags appear as typed).
    const list = await s.anyone.story.publicList({ partnershipSlug: s.partnership.slug });
    expect(Array.from(list.stories[0]!.summary).length).toBeLessThanOrEqual(240);
    expect(list.stories[0]!.summary).toMatch(/^<script>alert\(1\)<\/script>/);
  });

  it("still renders honest Markdown", async () => {
    const { db } = database;
    const s = await space(db);
    const created = await s.author.story.create({
      partnershipSlug: s.partnership.slug,
      title: "Plain",
      body: "# Heading\n\nSome **bold** and a [link](https://example.org/report).\n\n![Carers at the café](https://example.org/cafe.jpg)",
    });
    const elements = elementsOf(created.html);
    // A picture by a web address is a link to that website, never loaded.
    expect(elements.map((element) => element.name)).toEqual(["h2", "p", "strong", "a", "p", "a"]);
    expect(elements.find((element) => element.name === "a")!.attribs).toEqual({
      href: "https://example.org/report",
      rel: "noopener noreferrer nofollow",
    });
    expect(elements.at(-1)!.attribs).toEqual({ href: "https://example.org/cafe.jpg", rel: "noopener noreferrer nofollow" });
    expect(created.html).toContain("Picture: Carers at the café (on example.org, another website)");
  });
});
