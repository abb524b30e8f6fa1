import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id, multiLine, singleLine } from "./text";

/** Resource library inputs, shared by the API and the forms that send them. */

export const LIBRARY_FOLDER_NAME_MAX = 120;
export const LIBRARY_TITLE_MAX = 200;
export const LIBRARY_DESCRIPTION_MAX = 1_000;
export const LIBRARY_URL_MAX = 2_000;
export const LIBRARY_TAGS_MAX = 10;
export const LIBRARY_TAG_MAX = 40;
export const LIBRARY_SEARCH_MAX = 100;

export const LIBRARY_VISIBILITIES = ["MEMBERS", "PUBLIC"] as const;
export type LibraryVisibilityValue = (typeof LIBRARY_VISIBILITIES)[number];

/**
 * A tag as stored and compared: trimmed, lower case, inner spaces collapsed to one, and a
 * leading "#" dropped, so "Mental Health", " mental  health " and "#mental health" are one tag.
 */
export function normaliseTag(raw: string): string {
  return raw
    .normalize("NFC")
    .trim()
    .replace(/^#+/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("en-GB");
}

const tag = singleLine({ error: "Enter a tag" })
  .transform(normaliseTag)
  .refine((value) => value.length > 0, "A tag cannot be empty")
  .refine((value) => value.length <= LIBRARY_TAG_MAX, `Use ${LIBRARY_TAG_MAX} characters or fewer for each tag`);

/** Tags, normalised and without duplicates. */
export const libraryTags = z
  .array(tag)
  .max(LIBRARY_TAGS_MAX * 2, `Give ${LIBRARY_TAGS_MAX} tags or fewer`)
  .default([])
  .transform((tags) => [...new Set(tags)])
  .refine((tags) => tags.length <= LIBRARY_TAGS_MAX, `Give ${LIBRARY_TAGS_MAX} tags or fewer`);

/** Tags typed in one box, separated by commas (the forms send them this way). */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * A link's address: http or https only (never javascript:, data: or file:), with a host,
 * no spaces, and no user name or password in it. Kept as typed once it passes.
 */
export const linkUrl = singleLine({ error: "Enter the link's web address" })
  .min(1, "Enter the link's web address, starting https://")
  .max(LIBRARY_URL_MAX, `Use a web address of ${LIBRARY_URL_MAX.toLocaleString("en-GB")} characters or fewer`)
  .superRefine((value, context) => {
    if (value.length === 0) return;
    const problem = linkUrlProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export function linkUrlProblem(value: string): string | null {
  if (/\s/.test(value)) return "A web address has no spaces in it";
  if (!/^https?:\/\//i.test(value)) return "Enter a web address starting https:// (or http://)";
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return "That is not a web address: check it and try again";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "Enter a web address starting https:// (or http://)";
  if (!parsed.hostname || (!parsed.hostname.includes(".") && parsed.hostname !== "localhost")) return "Enter the whole web address, such as https://www.example.org/page";
  if (parsed.username || parsed.password) return "Leave any user name or password out of the web address";
  return null;
}

const folderName = singleLine({ error: "Enter a name for the folder" })
  .min(1, "Enter a name for the folder")
  .max(LIBRARY_FOLDER_NAME_MAX, `Use ${LIBRARY_FOLDER_NAME_MAX} characters or fewer for the folder's name`);

const title = singleLine({ error: "Enter a title" })
  .min(1, "Enter a title")
  .max(LIBRARY_TITLE_MAX, `Use ${LIBRARY_TITLE_MAX} characters or fewer for the title`);

const description = multiLine()
  .max(LIBRARY_DESCRIPTION_MAX, `Use ${LIBRARY_DESCRIPTION_MAX.toLocaleString("en-GB")} characters or fewer for the description`)
  .default("");

const visibility = z.enum(LIBRARY_VISIBILITIES, { error: "Choose who can see it" });

/** A folder, or none (the top level of the library). */
const folderChoice = id.nullable().default(null);

export const browseLibraryInput = z.object({
  partnershipSlug,
  /** The folder being looked at; none for the whole library. */
  folderId: id.optional(),
  tag: singleLine().transform(normaliseTag).pipe(z.string().max(LIBRARY_TAG_MAX)).optional(),
  search: singleLine().max(LIBRARY_SEARCH_MAX, `Search with ${LIBRARY_SEARCH_MAX} characters or fewer`).optional(),
});
export type BrowseLibraryInput = z.infer<typeof browseLibraryInput>;

export const createLibraryFolderInput = z.object({ partnershipSlug, name: folderName, parentId: folderChoice });
export const renameLibraryFolderInput = z.object({ libraryFolderId: id, name: folderName });
export const moveLibraryFolderInput = z.object({ libraryFolderId: id, parentId: folderChoice });
export const libraryFolderRefInput = z.object({ libraryFolderId: id });

const linkContent = { title, description, url: linkUrl, tags: libraryTags };

export const addLibraryLinkInput = z.object({ partnershipSlug, folderId: folderChoice, visibility: visibility.default("MEMBERS"), ...linkContent });
export type AddLibraryLinkInput = z.infer<typeof addLibraryLinkInput>;
/** A document: the same details without an address; its file is uploaded to it once it exists. */
const documentContent = { title, description, tags: libraryTags };
export const addLibraryDocumentInput = z.object({ partnershipSlug, folderId: folderChoice, visibility: visibility.default("MEMBERS"), ...documentContent });
export type AddLibraryDocumentInput = z.infer<typeof addLibraryDocumentInput>;
/** Changing a resource: a link's address comes too; a document has none. */
export const updateLibraryResourceInput = z.object({ libraryResourceId: id, visibility, ...documentContent, url: linkUrl.optional() });
export type UpdateLibraryResourceInput = z.infer<typeof updateLibraryResourceInput>;
export const moveLibraryResourceInput = z.object({ libraryResourceId: id, folderId: folderChoice });
export const libraryResourceRefInput = z.object({ libraryResourceId: id });
export const publicLibraryInput = z.object({ partnershipSlug });

/** What the public page receives: allow-listed fields only, never who added a resource. */
export const publicLibraryOutput = z.object({
  resources: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["LINK", "DOCUMENT"]),
      title: z.string(),
      description: z.string(),
      url: z.string().nullable(),
      host: z.string().nullable(),
      tags: z.array(z.string()),
      folder: z.string().nullable(),
      /** A document's file (its current version), downloadable without signing in. */
      document: z.object({ fileId: z.string(), name: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }).nullable(),
    }),
  ),
});
export type PublicLibraryOutput = z.infer<typeof publicLibraryOutput>;
