import { ROLE_LABELS } from "@/lib/sectors";
import type { MembershipRole } from "@/server/db/generated/enums";
import type { OutgoingEmail } from "@/server/domain/email/send-email";
import { absoluteUrl, paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";

/** The link an invitee opens, on the site's address (server/site-address). */
export function invitationUrl(token: string, origin: string): string {
  return absoluteUrl(origin, paths.invitation(encodeURIComponent(token)));
}

function escapeHtml(value: string) {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** "You're invited" email: plain text first, a simple accessible HTML version beside it. */
export function invitationEmail(details: {
  to: string;
  url: string;
  partnershipName: string;
  inviterName: string;
  role: MembershipRole;
  expiresAt: Date;
}): OutgoingEmail {
  const role = ROLE_LABELS[details.role].toLowerCase();
  const expires = formatInstantDay(details.expiresAt);
  const lead = `${details.inviterName} has invited you to join ${details.partnershipName} on Tandem as ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}.`;
  const after = `The link works once and expires on ${expires}. If it has expired, ask ${details.inviterName} to send it again. If you were not expecting this invitation, you can ignore this email.`;
  return {
    to: details.to,
    subject: `You're invited to join ${details.partnershipName} on Tandem`,
    text: `${lead}\n\nTo accept, open this link and sign in with this email address (${details.to}):\n\n${details.url}\n\n${after}\n`,
    html: `<p>${escapeHtml(lead)}</p>
<p>To accept, open this link and sign in with this email address (${escapeHtml(details.to)}):</p>
<p><a href="${escapeHtml(details.url)}">Accept the invitation to ${escapeHtml(details.partnershipName)}</a></p>
<p>${escapeHtml(after)}</p>`,
  };
}

/** Shows enough of an address to recognise it without giving it away: j***@example.org. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
