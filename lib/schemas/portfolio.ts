import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id } from "./text";

/** Dashboard inputs: the partnership's portfolio, one sub-group's projects, and the actor's own work. */

export const portfolioOverviewInput = z.object({ partnershipSlug });
export const portfolioSubGroupInput = z.object({ subGroupId: id });
export const myWorkInput = z.object({ partnershipSlug });
