import { z } from "zod";
import { partnershipSlug } from "./partnership";

/** Dashboard inputs: the partnership's portfolio, one sub-group's projects, and the actor's own work. */

const id = z.string().min(1).max(64);

export const portfolioOverviewInput = z.object({ partnershipSlug });
export const portfolioSubGroupInput = z.object({ subGroupId: id });
export const myWorkInput = z.object({ partnershipSlug });
