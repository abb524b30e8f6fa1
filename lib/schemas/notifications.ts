import { z } from "zod";
import { id } from "./text";

export const listNotificationsInput = z
  .object({ cursor: id.nullish(), unreadOnly: z.boolean().default(false) })
  .default({ unreadOnly: false });

export const notificationRefInput = z.object({ notificationId: id });
