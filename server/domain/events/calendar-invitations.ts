import { z } from "zod";
import { formatTimeRange } from "@/lib/uk-time";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { displayName } from "@/server/domain/discussions/people";
import { sendEmail, type OutgoingEmail } from "@/server/domain/email/send-email";
import type { Env } from "@/server/env";
import { enqueueJob } from "@/server/jobs/queue";
import { configuredOrigin } from "@/server/site-address";
import { calendarEntryForEvent, EVENT_FOR_CALENDAR_SELECT, eventPageUrl, type EventForCalendar } from "./calendar-entry";
import { buildInvitation, calendarFileName, INVITATION_METHODS, type InvitationMethod } from "./ics";

type Tx = Prisma.TransactionClient;

/**
 * Calendar invitations by email (iTIP): a confirmed place, a change to the event or a
 * cancellation reaches the person's calendar app as METHOD:REQUEST or METHOD:CANCEL, with
 * the same UID as the download and the feed and the event's SEQUENCE, so the app adds,
 * updates or removes its copy by itself. People on the waiting list get nothing until a
 * place comes up.
 *
 * Each email is a background job queued in the same transaction as the change. When it
 * runs it reads the event and the reply again and sends nothing if they no longer match
 * (a place given up before the job ran, an event changed again since).
 */

export const CALENDAR_INVITATION_JOB = "events.calendar-invitation";

export const INVITATION_REASONS = ["place-confirmed", "place-promoted", "event-changed", "event-cancelled", "place-cancelled"] as const;
export type InvitationReason = (typeof INVITATION_REASONS)[number];

const REASON_METHOD: Record<InvitationReason, InvitationMethod> = {
  "place-confirmed": "REQUEST",
  "place-promoted": "REQUEST",
  "event-changed": "REQUEST",
  "event-cancelled": "CANCEL",
  "place-cancelled": "CANCEL",
};

export const calendarInvitationPayload = z.object({
  eventId: z.string().min(1),
  userId: z.string().min(1),
  method: z.enum(INVITATION_METHODS as [InvitationMethod, ...InvitationMethod[]]),
  sequence: z.number().int().min(0),
  reason: z.enum(INVITATION_REASONS),
  /** For a change to one person's own place: when their reply changed (ISO), so a later reply supersedes it. */
  replyAt: z.iso.datetime().optional(),
});
export type CalendarInvitationPayload = z.infer<typeof calendarInvitationPayload>;

/**
 * The job's key: one email per person, event version and method, however many times (or
 * instances) ask. A change to one person's own place (`replyAt`, when their reply changed)
 * is part of the key too: someone who gives up a place and takes one again before the event
 * changes gets a new invitation, not the one already sent for that version.
 */
export function calendarInvitationKey(invitation: { eventId: string; userId: string; sequence: number; method: InvitationMethod; replyAt?: Date }): string {
  const key = `calendar:${invitation.eventId}:${invitation.userId}:${invitation.sequence}:${invitation.method}`;
  return invitation.replyAt ? `${key}:${invitation.replyAt.getTime()}` : key;
}

/** Queues the invitation emails for these people; call inside the transaction that made the change. */
export async function queueCalendarInvitations(
  tx: Tx,
  invitation: { eventId: string; partnershipId: string; userIds: readonly string[]; sequence: number; reason: InvitationReason; replyAt?: Date },
): Promise<number> {
  const method = REASON_METHOD[invitation.reason];
  let queued = 0;
  for (const userId of new Set(invitation.userIds)) {
    const payload: CalendarInvitationPayload = {
      eventId: invitation.eventId,
      userId,
      method,
      sequence: invitation.sequence,
      reason: invitation.reason,
      ...(invitation.replyAt ? { replyAt: invitation.replyAt.toISOString() } : {}),
    };
    const { created } = await enqueueJob(tx, {
      kind: CALENDAR_INVITATION_JOB,
      payload,
      onceKey: calendarInvitationKey({ ...payload, replyAt: invitation.replyAt }),
      partnershipId: invitation.partnershipId,
    });
    if (created) queued += 1;
  }
  return queued;
}

/** The address in EMAIL_FROM ("Tandem <no-reply@tandem.example.org>" or a bare address): the invitation's ORGANIZER. */
export function senderAddress(emailFrom: string): string {
  const match = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(emailFrom);
  return (match?.[1] ?? emailFrom).trim();
}

export type InvitationRun =
  | { sent: true; via: "smtp" | "outbox" | "withheld"; method: InvitationMethod; sequence: number }
  | { sent: false; skipped: string };

/**
 * The job: reads the event and the person's reply as they are now and sends the invitation
 * if it still holds. An email about one person's own place is dropped once they have
 * replied again (that reply queued its own). A REQUEST needs the event still on, the person
 * still going (and still a member) and no later change (that change queued its own
 * REQUEST); a CANCEL is sent unless the person is going to the event again.
 */
export async function sendCalendarInvitation(db: Database, env: Env, payload: CalendarInvitationPayload, now: Date): Promise<InvitationRun> {
  const event = await db.event.findUnique({ where: { id: payload.eventId }, select: { ...EVENT_FOR_CALENDAR_SELECT, partnershipId: true } });
  if (!event) return { sent: false, skipped: "The event no longer exists." };
  const [rsvp, user, membership] = await Promise.all([
    db.eventRsvp.findUnique({
      where: { eventId_userId: { eventId: event.id, userId: payload.userId } },
      select: { status: true, respondedAt: true, promotedAt: true },
    }),
    db.user.findUnique({ where: { id: payload.userId }, select: { email: true, name: true } }),
    db.membership.findFirst({ where: { partnershipId: event.partnershipId, userId: payload.userId }, select: { id: true } }),
  ]);
  if (!user?.email) return { sent: false, skipped: "The person has no email address." };
  const going = event.status === "SCHEDULED" && rsvp?.status === "GOING";
  if (payload.replyAt && rsvp) {
    const repliedAt = (payload.reason === "place-promoted" ? rsvp.promotedAt : rsvp.respondedAt)?.getTime();
    if (repliedAt !== new Date(payload.replyAt).getTime()) {
      return { sent: false, skipped: "The person has replied again since: the email for that reply is sent instead." };
    }
  }
  if (payload.method === "REQUEST") {
    if (event.status === "CANCELLED") return { sent: false, skipped: "The event has been cancelled since." };
    if (!going) return { sent: false, skipped: "The person no longer has a place." };
    if (!membership) return { sent: false, skipped: "The person is no longer a member of the partnership." };
    if (event.sequence > payload.sequence) return { sent: false, skipped: "The event has changed again since: the invitation for that change is sent instead." };
  } else if (going) {
    return { sent: false, skipped: "The person has a place again." };
  }

  const origin = configuredOrigin(env);
  const content = buildInvitation(calendarEntryForEvent(event, origin), {
    method: payload.method,
    now,
    organizer: { name: event.partnership.name, email: senderAddress(env.EMAIL_FROM) },
    attendee: { name: displayName(user), email: user.email },
  });
  const email = invitationEmail(event, { ...user, name: displayName(user) }, payload.reason, origin);
  const via = await sendEmail(db, { ...email, calendar: { method: payload.method, content, filename: calendarFileName(event.title, event.startsAt) } }, env);
  return { sent: true, via, method: payload.method, sequence: event.sequence };
}

const SUBJECT: Record<InvitationReason, (title: string) => string> = {
  "place-confirmed": (title) => `Invitation: ${title}`,
  "place-promoted": (title) => `A place came up: ${title}`,
  "event-changed": (title) => `Updated: ${title}`,
  "event-cancelled": (title) => `Cancelled: ${title}`,
  "place-cancelled": (title) => `Your place is cancelled: ${title}`,
};

const LEAD: Record<InvitationReason, string> = {
  "place-confirmed": "You have a place at this event.",
  "place-promoted": "You were on the waiting list and now have a place at this event.",
  "event-changed": "The organisers have changed this event. Please check the date, time and place again.",
  "event-cancelled": "The organisers have cancelled this event.",
  "place-cancelled": "You have given up your place at this event.",
};

/** The email around the invitation: plain text, one fact a line, so what people typed cannot fake a line of its own. */
function invitationEmail(event: EventForCalendar, user: { email: string; name: string }, reason: InvitationReason, origin: string): Omit<OutgoingEmail, "calendar"> {
  const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();
  const title = oneLine(event.title);
  const where = [event.venueName, event.venueAddress].filter(Boolean).map((part) => oneLine(part!)).join(", ");
  const cancelling = REASON_METHOD[reason] === "CANCEL";
  const lines = [
    `Hello ${oneLine(user.name)},`,
    "",
    LEAD[reason],
    "",
    `${title} (${oneLine(event.partnership.name)})`,
    `When: ${formatTimeRange(event.startsAt, event.endsAt)}`,
  ];
  if (where) lines.push(`Where: ${where}`);
  if (event.onlineUrl) lines.push(`Online: ${event.onlineUrl}`);
  lines.push(
    `Details: ${eventPageUrl(event, origin)}`,
    "",
    cancelling
      ? "The calendar invitation attached removes the event from your calendar app (Outlook, Google or Apple Calendar)."
      : "The calendar invitation attached adds the event to your calendar app (Outlook, Google or Apple Calendar) and keeps it up to date. You do not need to reply to it.",
  );
  if (!cancelling) lines.push("If you cannot come after all, please cancel your place on the event's page so someone else can have it.");
  return { to: user.email, subject: SUBJECT[reason](title), text: lines.join("\n") + "\n" };
}
