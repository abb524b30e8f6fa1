import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id, multiLine, singleLine } from "./text";

/** Limits shared by the forms and the API. */
export const SUB_GROUP_NAME_MAX = 120;
export const SUB_GROUP_PURPOSE_MAX = 2_000;
export const JOIN_MESSAGE_MAX = 1_000;
export const DECISION_NOTE_MAX = 1_000;
export const MAX_LEADS = 4;

export const JOIN_POLICIES = ["OPEN", "APPROVAL"] as const;
export const JOIN_POLICY_LABELS: Record<(typeof JOIN_POLICIES)[number], string> = {
  OPEN: "Open: anyone in the partnership can join",
  APPROVAL: "By request: a lead approves each person",
};
export const JOIN_POLICY_SHORT_LABELS: Record<(typeof JOIN_POLICIES)[number], string> = {
  OPEN: "Open to join",
  APPROVAL: "Join by request",
};
export const SUB_GROUP_ROLE_LABELS = { LEAD: "Lead", MEMBER: "Member" } as const;

const text = (what: string, label: string, max: number, multiline = true) =>
  (multiline ? multiLine({ error: `Enter ${what}` }) : singleLine({ error: `Enter ${what}` }))
    .min(1, `Enter ${what}`)
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`);

/** Optional text: an empty box is stored as nothing (null). */
const optionalText = (label: string, max: number) =>
  multiLine()
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .nullish()
    .transform((value) => (value ? value : null));

const joinPolicy = z.enum(JOIN_POLICIES, { error: "Choose how people join" });

const details = {
  name: text("a name for the sub-group", "The name", SUB_GROUP_NAME_MAX, false),
  purpose: text("the sub-group's purpose", "The purpose", SUB_GROUP_PURPOSE_MAX),
  joinPolicy,
};

export const listSubGroupsInput = z.object({ partnershipSlug });

export const subGroupRefInput = z.object({ subGroupId: id });
export type SubGroupRefInput = z.infer<typeof subGroupRefInput>;

export const createSubGroupInput = z.object({
  priorityAreaId: id,
  ...details,
  leadUserIds: z
    .array(id, { error: "Choose at least one lead" })
    .min(1, "Choose at least one lead")
    .max(MAX_LEADS, `Choose ${MAX_LEADS} leads or fewer`)
    .refine((ids) => new Set(ids).size === ids.length, "Choose each lead once"),
});
export type CreateSubGroupInput = z.infer<typeof createSubGroupInput>;

export const updateSubGroupInput = z.object({ subGroupId: id, ...details });
export type UpdateSubGroupInput = z.infer<typeof updateSubGroupInput>;

export const joinSubGroupInput = z.object({
  subGroupId: id,
  message: optionalText("Your message", JOIN_MESSAGE_MAX),
});
export type JoinSubGroupInput = z.input<typeof joinSubGroupInput>;

export const joinRequestRefInput = z.object({ joinRequestId: id });

export const decideRequestInput = z
  .object({
    joinRequestId: id,
    decision: z.enum(["APPROVE", "DECLINE"], { error: "Choose approve or decline" }),
    note: optionalText("The note", DECISION_NOTE_MAX),
  })
  .superRefine((input, context) => {
    if (input.decision === "DECLINE" && !input.note) {
      context.addIssue({
        code: "custom",
        path: ["note"],
        message: "Say briefly why you are declining: the person will see your note",
      });
    }
  });
export type DecideRequestInput = z.input<typeof decideRequestInput>;

export const memberRefInput = z.object({ subGroupId: id, userId: id });

export const setMemberRoleInput = z.object({
  subGroupId: id,
  userId: id,
  role: z.enum(["LEAD", "MEMBER"], { error: "Choose lead or member" }),
});

/**
 * A sub-group named in a sentence: "the Carers sub-group", but "the Mental health
 * sub-group" (not "… sub-group sub-group") when its name already says so.
 */
export function subGroupInSentence(name: string): string {
  const trimmed = name.trim();
  return /\b(sub-?group|group)$/i.test(trimmed) ? `the ${trimmed}` : `the ${trimmed} sub-group`;
}
