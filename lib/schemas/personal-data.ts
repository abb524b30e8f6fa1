import { z } from "zod";

/** "Download my data": the request carries nothing; it is always for the signed-in person. */
export const requestDataExportInput = z.object({}).strict().optional();

/** Asking to close one's own account: the confirmation is the only input (the person comes from the session). */
export const requestAccountClosureInput = z
  .object({ confirm: z.literal(true, { error: "Tick the box to confirm that you want your account closed." }) })
  .strict();
