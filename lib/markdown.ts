/**
 * Markdown for partnership stories, written by members and shown to everyone.
 * Markdown is parsed by marked; raw HTML in the source is shown as the text that was
 * typed, never as markup. Whatever HTML marked produces then goes through sanitize-html
 * with a strict allowlist, so the allowlist alone decides what reaches the page.
 *
 * Images are the story's own uploads, written `![description](file:<id>)` and shown from
 * Tandem's download route, so a reader's browser never fetches a picture from another
 * website. An image by a web address (`![description](https://…)`, from before uploads) is
 * shown as a link to that website, named by its description, never loaded.
 */
import { Marked, type MarkedExtension, type Token, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { paths } from "./paths";

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

/** How a story's body names one of its uploaded images: `file:<id>`. */
const OWN_IMAGE = /^file:([A-Za-z0-9_-]{1,64})$/;
/** The only image address the sanitiser lets through: an uploaded image, inline, from this site. */
const OWN_IMAGE_SRC = /^\/api\/files\/[A-Za-z0-9_-]{1,64}\?inline=1$/;

/** The Markdown that names an uploaded image with its description. */
export function storyImageMarkdown(fileId: string, description: string): string {
  const alt = description.replace(/[\r\n]+/g, " ").replace(/([\\[\]])/g, "\\$1").trim();
  return `![${alt}](file:${fileId})`;
}

/** The ids of the uploaded images a body names (`file:<id>`), each once, in order. */
export function storyImageIds(source: string): string[] {
  const ids = imageTokens(source).flatMap((image) => OWN_IMAGE.exec(image.href)?.[1] ?? []);
  return [...new Set(ids)];
}

function imageRenderer(ownImages: ReadonlySet<string>): MarkedExtension["renderer"] {
  return {
    image({ href, text, title }) {
      const own = OWN_IMAGE.exec(href)?.[1];
      if (own) {
        // Only the story's own images; a file of something else is not shown (nor named).
        if (!ownImages.has(own)) return escapeHtml(text);
        const titled = title ? ` title="${escapeHtml(title)}"` : "";
        return `<img src="${escapeHtml(paths.fileDownload(own, { inline: true }))}" alt="${escapeHtml(text)}"${titled}>`;
      }
      const external = allowedUrl(href, IMAGE_PROTOCOLS);
      if (!external) return escapeHtml(text);
      const site = new URL(external).hostname;
      const label = text.trim() ? `Picture: ${text.trim()}` : "A picture";
      return `<a href="${escapeHtml(external)}">${escapeHtml(label)} (on ${escapeHtml(site)}, another website)</a>`;
    },
  };
}

const storyMarkdownOptions = {
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
} satisfies MarkedExtension;

/** Parses and walks without rendering images (the renderer is per story: its own images). */
const storyMarkdown = new Marked(storyMarkdownOptions);

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
  // An image's address is never absolute: only this site's own route (checked below).
  allowedSchemesByTag: { img: [] },
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
      const src = attribs.src && OWN_IMAGE_SRC.test(attribs.src) ? attribs.src : null;
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

/**
 * A member's Markdown as HTML that is safe to put on the page as it is. `ownImages` are the
 * ids of the uploaded images this story may show (its own files); any other is left out.
 */
export function renderMarkdown(source: string, options: { ownImages?: ReadonlySet<string> } = {}): string {
  let html: string;
  try {
    const renderer = new Marked(storyMarkdownOptions, { renderer: imageRenderer(options.ownImages ?? new Set()) });
    html = renderer.parse(source, { async: false });
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
    .filter((image) => !image.text.trim() && (OWN_IMAGE.test(image.href) || allowedUrl(image.href, IMAGE_PROTOCOLS)))
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
