import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id } from "./text";

export const retryJobInput = z.object({ partnershipSlug, jobId: id });
export type RetryJobInput = z.infer<typeof retryJobInput>;
