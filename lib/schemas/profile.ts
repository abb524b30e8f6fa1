import { z } from "zod";
import { multiLine, singleLine } from "./text";

export const MAX_INTERESTS = 12;
export const MAX_INTEREST_LENGTH = 40;

/** How an interest tag is stored and compared: trimmed, single-spaced, lower-case. */
export function normaliseInterest(tag: string): string {
  return tag.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Splits what someone typed in the interests box ("Carers, dementia; Young people") into tags. */
export function splitInterests(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/** Optional text: blank means "not given" and is stored as null. */
const optionalText = (label: string, max: number, multiline = false) =>
  (multiline ? multiLine() : singleLine())
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((value) => (value ? value : null));

const interestTag = singleLine({ trim: false })
  .transform(normaliseInterest)
  .pipe(
    z
      .string()
      .min(1, "An interest cannot be blank")
      .max(MAX_INTEREST_LENGTH, `Each interest must be ${MAX_INTEREST_LENGTH} characters or fewer`),
  );

export const updateProfileInput = z
  .object({
    name: singleLine().min(1, "Enter your name").max(100, "Your name must be 100 characters or fewer"),
    jobTitle: optionalText("Your job title", 120),
    bio: optionalText("About you", 1000, true),
    interests: z
      .array(interestTag, { error: "List your interests" })
      .max(50, `Choose up to ${MAX_INTERESTS} interests`)
      .transform((tags) => [...new Set(tags)])
      .pipe(z.array(z.string()).max(MAX_INTERESTS, `Choose up to ${MAX_INTERESTS} interests`)),
    phone: optionalText("Your phone number", 40).pipe(
      z
        .string()
        .regex(/^\+?[0-9 ()-]{6,}$/, "Enter a phone number using digits, spaces, brackets and dashes, like 0141 555 0100")
        .nullable(),
    ),
    listedInDirectory: z.boolean(),
    showEmail: z.boolean(),
    showPhone: z.boolean(),
  })
  .superRefine((profile, context) => {
    if (profile.showPhone && !profile.phone) {
      context.addIssue({
        code: "custom",
        path: ["phone"],
        message: "Enter a phone number to share it, or untick “Show my phone number”",
      });
    }
  });
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const updateNotificationSettingsInput = z.object({
  emailOnJoinRequests: z.boolean(),
  emailOnDecisions: z.boolean(),
  emailOnMentions: z.boolean(),
});
export type UpdateNotificationSettingsInput = z.infer<typeof updateNotificationSettingsInput>;
