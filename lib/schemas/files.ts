import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id } from "./text";

/** File inputs: the upload route's query, and the file procedures. */

export const FILE_OWNER_KINDS = ["PROPOSAL", "PROGRESS_UPDATE", "EVALUATION", "STORY", "LIBRARY_RESOURCE", "SUB_GROUP", "EVENT", "THREAD"] as const;
export const fileOwnerKind = z.enum(FILE_OWNER_KINDS, { error: "Say what the file is attached to" });

export const FILE_SLOT_MAX = 120;
const slotName = z
  .string()
  .trim()
  .min(1, "Name the document")
  .max(FILE_SLOT_MAX, `Use ${FILE_SLOT_MAX} characters or fewer for a document's name`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Use letters, numbers and punctuation only");

/** The upload route's query string: `?ownerKind=PROPOSAL&ownerId=…[&slot=…][&fileId=…]`. */
export const uploadQuery = z.object({
  ownerKind: fileOwnerKind,
  ownerId: id,
  slot: slotName.nullish().transform((value) => value ?? null),
  fileId: id.nullish().transform((value) => value ?? null),
});

/** The header that carries the file's name (percent-encoded, as `encodeURIComponent` writes it). */
export const FILE_NAME_HEADER = "x-file-name";

export const downloadQuery = z.object({
  version: z.coerce.number().int().min(1).max(100_000).nullish().transform((value) => value ?? null),
  inline: z.enum(["1"]).nullish().transform((value) => value === "1"),
});

export const ownerFilesInput = z.object({ ownerKind: fileOwnerKind, ownerId: id });
export type OwnerFilesInput = z.infer<typeof ownerFilesInput>;

export const removeFileInput = z.object({ fileId: id });

export const storageUseInput = z.object({ partnershipSlug });

/** A round's required documents, as officers edit them: one name per line, no repeats. */
export const requiredDocumentsInput = z.object({
  roundId: id,
  documents: z
    .array(slotName)
    .max(20, "Ask for 20 documents or fewer")
    .refine((names) => new Set(names.map((name) => name.toLowerCase())).size === names.length, "Name each document once"),
});
export type RequiredDocumentsInput = z.infer<typeof requiredDocumentsInput>;
