import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id, multiLine, singleLine } from "./text";

/** Limits shared by the forms and the API. */
export const PRIORITY_AREA_TITLE_MAX = 120;
export const PRIORITY_AREA_TEXT_MAX = 2_000;

const text = (what: string, label: string, max: number, multiline = true) =>
  (multiline ? multiLine({ error: `Enter ${what}` }) : singleLine({ error: `Enter ${what}` }))
    .min(1, `Enter ${what}`)
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`);

const details = {
  title: text("a title for the priority area", "The title", PRIORITY_AREA_TITLE_MAX, false),
  description: text("a short description", "The description", PRIORITY_AREA_TEXT_MAX),
  outcomesSought: text("the outcomes sought", "The outcomes sought", PRIORITY_AREA_TEXT_MAX),
};

export const listPriorityAreasInput = z.object({ partnershipSlug, includeArchived: z.boolean().optional() });
export type ListPriorityAreasInput = z.infer<typeof listPriorityAreasInput>;

export const createPriorityAreaInput = z.object({ partnershipSlug, ...details });
export type CreatePriorityAreaInput = z.infer<typeof createPriorityAreaInput>;

export const updatePriorityAreaInput = z.object({ priorityAreaId: id, ...details });
export type UpdatePriorityAreaInput = z.infer<typeof updatePriorityAreaInput>;

export const movePriorityAreaInput = z.object({
  priorityAreaId: id,
  direction: z.enum(["up", "down"], { error: "Choose up or down" }),
});
export type MovePriorityAreaInput = z.infer<typeof movePriorityAreaInput>;

export const priorityAreaRefInput = z.object({ priorityAreaId: id });
export type PriorityAreaRefInput = z.infer<typeof priorityAreaRefInput>;

export const candidateLeadsInput = z.object({ partnershipSlug });
