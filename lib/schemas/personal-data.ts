import { z } from "zod";

/** "Download my data": the request carries nothing; it is always for the signed-in person. */
export const requestDataExportInput = z.object({}).strict().optional();
