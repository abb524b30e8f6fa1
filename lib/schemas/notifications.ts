import { z } from "zod";

const id = z.string().min(1).max(64);

export const listNotificationsInput = z
  .object({ cursor: id.nullish(), unreadOnly: z.boolean().default(false) })
  .default({ unreadOnly: false });

export const notificationRefInput = z.object({ notificationId: id });
