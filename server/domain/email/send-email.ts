import { log } from "@/server/log";
import nodemailer from "nodemailer";
import type { Database } from "@/server/db/client";
import { isDemoAddress } from "@/server/domain/demo/demo-addresses";
import type { InvitationMethod } from "@/server/domain/events/ics";
import { getEnv, outboxEnabled, type Env } from "@/server/env";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A calendar invitation (iTIP), sent as the email's text/calendar; method=… part, which calendar apps act on. */
  calendar?: CalendarAttachment;
};

export type CalendarAttachment = { method: InvitationMethod; content: string; filename: string };

export class EmailNotConfiguredError extends Error {
  constructor() {
    super("Email cannot be sent: SMTP_URL is not set and the developer outbox is off in production.");
  }
}

const transports = new Map<string, nodemailer.Transporter>();

/**
 * Sends an email over SMTP when SMTP_URL is set. Without SMTP (development and demo
 * mode only) the email is stored in the outbox, which a developer reads at /dev/outbox.
 * In demo mode that page is open to anyone, so only mail to the seeded demo people is
 * kept: mail to any other address (a sign-in link, an invitation) is withheld, neither
 * sent nor shown.
 */
export async function sendEmail(db: Database, email: OutgoingEmail, env: Env = getEnv()): Promise<"smtp" | "outbox" | "withheld"> {
  if (env.SMTP_URL) {
    let transport = transports.get(env.SMTP_URL);
    if (!transport) {
      // Fail fast rather than hold a request (or a digest's row locks) for minutes.
      transport = nodemailer.createTransport({
        url: env.SMTP_URL,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      transports.set(env.SMTP_URL, transport);
    }
    const { calendar, ...message } = email;
    await transport.sendMail({
      from: env.EMAIL_FROM,
      ...message,
      ...(calendar ? { icalEvent: { method: calendar.method, content: calendar.content, filename: calendar.filename } } : {}),
    });
    return "smtp";
  }
  if (!outboxEnabled(env)) throw new EmailNotConfiguredError();
  if (env.TANDEM_DEMO_MODE && !isDemoAddress(email.to)) {
    log.info("demo mode: an email to an address outside the demo was withheld (not sent, not kept)");
    return "withheld";
  }
  await db.outboxEmail.create({
    data: {
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html ?? null,
      calendarMethod: email.calendar?.method ?? null,
      calendarIcs: email.calendar?.content ?? null,
    },
  });
  return "outbox";
}
