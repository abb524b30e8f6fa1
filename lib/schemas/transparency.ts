import { z } from "zod";
import { partnershipSlug } from "./partnership";

/** The public page of a partnership, and an officer's choice to publish it. */

export const publicPortfolioInput = z.object({ partnershipSlug });
export type PublicPortfolioInput = z.infer<typeof publicPortfolioInput>;

export const setPublishedInput = z.object({
  partnershipSlug,
  published: z.boolean({ error: "Choose whether to publish the portfolio" }),
});
export type SetPublishedInput = z.infer<typeof setPublishedInput>;
