/**
 * Markdown for partnership stories, written by members and shown to everyone.
 * Markdown is parsed by marked; raw HTML in the source is shown as the text that was
 * typed, never as markup. Whatever HTML marked produces then goes through sanitize-html
 * with a strict allowlist, so the allowlist alone decides what reaches the page.
 */
import { Marked, type Token, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

const LINK_PROTOCOLS = ["http:", "https:", "mailto:"];
const IMAGE_PROTOCOLS = ["http:", "https:"];
const LINK_REL = "noopener noreferrer nofollow";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * The URL a browser would follow, if it is absolute and uses one of `protocols`; otherwise null.
 * The WHATWG parser does what browsers do with mixed case, tabs, newlines and control
 * characters, so "JaVa\tScript:" is seen as "javascript:". Relative URLs are refused: a
 * story may be shown on any page, in an email or a notification.
 */
function allowedUrl(raw: string | undefined, protocols: string[]): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return protocols.includes(url.protocol) ? url.href : null;
}

const storyMarkdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // The page's own heading is the only h1: `#` becomes h2, `##` h3, anything deeper h4.
    heading({ tokens, depth }) {
      const level = Math.min(depth + 1, 4);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html({ text }) {
      return escapeHtml(text);
    },
    // Task list boxes would be inputs; keep what the author typed instead.
    checkbox({ checked }) {
      return checked ? "[x] " : "[ ] ";
    },
  },
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "del", "blockquote", "ul", "ol", "li", "code", "pre",
    "a", "img", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "alt", "title", "loading"],
    th: ["scope"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // Marked only makes h2-h4 here; anything else is levelled rather than trusted.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: (_tagName, attribs) => {
      const href = allowedUrl(attribs.href, LINK_PROTOCOLS);
      const link: sanitizeHtml.Attributes = href ? { href, rel: LINK_REL } : {};
      return { tagName: "a", attribs: link };
    },
    img: (_tagName, attribs) => {
      const src = allowedUrl(attribs.src, IMAGE_PROTOCOLS);
      if (!src) return { tagName: "img", attribs: {} };
      const image: sanitizeHtml.Attributes = { src, loading: "lazy" };
      // Missing alt text stays missing, so the image is not passed off as decorative:
      // imagesMissingAlt() lets the form ask the author for it.
      if (attribs.alt?.trim()) image.alt = attribs.alt;
      if (attribs.title) image.title = attribs.title;
      return { tagName: "img", attribs: image };
    },
    // Marked only puts th in a table's header row.
    th: () => ({ tagName: "th", attribs: { scope: "col" } }),
  },
  // Renaming a tag to a refused one in transformTags would leak that name onto a later
  // closing tag (sanitize-html 2.17), so refused URLs are emptied above and dealt with here:
  // a link that may not be followed is kept as its text, an image that may not load goes.
  exclusiveFilter: (frame) => {
    if (frame.tag === "a" && !frame.attribs.href) return "excludeTag";
    return frame.tag === "img" && !frame.attribs.src;
  },
};

/** A member's Markdown as HTML that is safe to put on the page as it is. */
export function renderMarkdown(source: string): string {
  let html: string;
  try {
    html = storyMarkdown.parse(source, { async: false });
  } catch {
    // Pathological nesting (thousands of `>`) can exhaust marked's recursion: show the text as typed.
    html = source
      .split(/\n\s*\n/)
      .filter((block) => block.trim())
      .map((block) => `<p>${escapeHtml(block.trim())}</p>`)
      .join("\n");
  }
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}

function imageTokens(source: string): Tokens.Image[] {
  const images: Tokens.Image[] = [];
  try {
    storyMarkdown.walkTokens(storyMarkdown.lexer(source), (token: Token) => {
      if (token.type === "image") images.push(token as Tokens.Image);
    });
  } catch {
    // Too deeply nested to parse: renderMarkdown shows it as text, with no images.
    return [];
  }
  return images;
}

/**
 * The URLs of images written without alt text (`![](url)`), each once, in order, so the
 * author can be asked to describe them. Images that would not be shown are left out.
 */
export function imagesMissingAlt(source: string): string[] {
  const urls = imageTokens(source)
    .filter((image) => !image.text.trim() && allowedUrl(image.href, IMAGE_PROTOCOLS))
    .map((image) => image.href);
  return [...new Set(urls)];
}

const plainMarkdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    image({ text }) {
      return escapeHtml(text);
    },
    checkbox() {
      return "";
    },
    br() {
      return " ";
    },
  },
});

/** sanitize-html escapes only these in text once the entities are decoded. */
function unescapeSanitizedText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * The words of a member's Markdown with no markup, for excerpts and notifications. Whitespace
 * is collapsed; when longer than `maxLength` characters it is cut at a word where possible
 * and ends with an ellipsis, all within `maxLength`.
 */
export function markdownToPlainText(source: string, maxLength?: number): string {
  // Every block ends in a newline, so blocks stay apart as words once the tags go.
  let html: string;
  try {
    html = plainMarkdown.parse(source, { async: false });
  } catch {
    html = escapeHtml(source);
  }
  const text = unescapeSanitizedText(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, " ")
    .trim();
  return maxLength === undefined ? text : truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): string {
  // By code point, so an emoji is never cut in half.
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  if (maxLength < 1) return "";
  let cut = chars.slice(0, maxLength - 1).join("");
  const lastSpace = cut.lastIndexOf(" ");
  const nextIsSpace = chars[maxLength - 1] === " ";
  if (!nextIsSpace && lastSpace > cut.length / 2) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s.,;:!?\-–—]+$/, "")}…`;
}
