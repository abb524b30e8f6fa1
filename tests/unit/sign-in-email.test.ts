import { describe, expect, it } from "vitest";
import { signInEmail } from "@/server/auth/sign-in-email";

describe("the sign-in email", () => {
  it("carries the link in text and HTML, escaped in HTML", () => {
    const url = 'https://tandem.example.org/api/auth/callback/email?token=a&email=x"y';
    const email = signInEmail({ to: "person@example.org", url });
    expect(email.to).toBe("person@example.org");
    expect(email.text).toContain(url);
    expect(email.html).toContain('href="https://tandem.example.org/api/auth/callback/email?token=a&amp;email=x&quot;y"');
    expect(email.html).not.toContain('x"y');
    expect(email.text).toMatch(/expires in one hour/);
  });
});
