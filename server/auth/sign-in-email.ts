import type { OutgoingEmail } from "@/server/domain/email/send-email";

function escapeHtml(value: string) {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** The sign-in link email: plain text first, a simple accessible HTML version beside it. */
export function signInEmail({ to, url }: { to: string; url: string }): OutgoingEmail {
  const host = new URL(url).host;
  return {
    to,
    subject: "Your sign-in link for Tandem",
    text: `Sign in to Tandem (${host}) by opening this link:\n\n${url}\n\nThe link works once and expires in one hour. If you did not ask for it, you can ignore this email.\n`,
    html: `<p>Sign in to Tandem (${escapeHtml(host)}) by opening this link:</p>
<p><a href="${escapeHtml(url)}">Sign in to Tandem</a></p>
<p>The link works once and expires in one hour. If you did not ask for it, you can ignore this email.</p>`,
  };
}
