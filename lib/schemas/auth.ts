import { z } from "zod";
import { singleLine } from "./text";

export const emailSignInInput = z.object({
  email: singleLine()
    .min(1, "Enter your email address")
    .max(254, "That email address is too long")
    .pipe(z.email("Enter an email address in the correct format, like name@example.org")),
});
export type EmailSignInInput = z.infer<typeof emailSignInInput>;
