import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { ButtonAnchor } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusTag } from "@/components/ui/status-tag";
import { getDb } from "@/server/db/client";
import { listOutbox } from "@/server/domain/email/outbox";
import { getEnv, outboxEnabled } from "@/server/env";
import { formatDateTime } from "@/lib/uk-time";

export const metadata: Metadata = { title: "Developer outbox" };
export const dynamic = "force-dynamic";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

const INVITATION_EFFECT: Record<string, string> = {
  REQUEST: "A calendar app adds the event, or updates the copy it has.",
  CANCEL: "A calendar app removes the event.",
};

/** An email's calendar invitation: what it does, and its .ics to open in a calendar app. */
function CalendarInvitation({ id, subject, method, ics }: { id: string; subject: string; method: string; ics: string }) {
  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-3">
      <p className="flex flex-wrap items-center gap-2">
        <StatusTag tone="info">Calendar invitation attached ({method})</StatusTag>
        <span>{INVITATION_EFFECT[method] ?? ""}</span>
      </p>
      <ButtonAnchor href={`data:text/calendar;charset=utf-8;method=${method},${encodeURIComponent(ics)}`} download={`invitation-${id}.ics`}>
        Download the invitation (.ics)<span className="sr-only"> sent with “{subject}”</span>
      </ButtonAnchor>
    </div>
  );
}

export default async function OutboxPage() {
  const env = getEnv();
  if (!outboxEnabled(env)) notFound();
  // In demo mode anyone can read this page: it shows mail to the demo people only.
  const emails = await listOutbox(getDb(), 50, { demoOnly: env.TANDEM_DEMO_MODE });
  return (
    <>
      <PageHeader
        title="Developer outbox"
        lead={
          env.TANDEM_DEMO_MODE
            ? "This demo has no email server, so Tandem keeps the demo people's emails (and those to made-up addresses ending in .example) on this page instead of sending them. Emails to anyone else are not kept or shown. Newest first."
            : "No email server is set up here, so Tandem keeps its emails on this page instead of sending them. Newest first."
        }
      />
      {emails.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <ol className="space-y-4" aria-label="Emails">
          {emails.map((email) => (
            <li key={email.id}>
              <article className="rounded-lg border border-slate-300 p-4" aria-labelledby={`email-${email.id}`}>
                <h2 id={`email-${email.id}`} className="text-lg font-semibold">
                  {email.subject}
                </h2>
                <p className="text-sm text-slate-700">
                  To <span className="font-semibold break-all">{email.to}</span> ·{" "}
                  <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt, "short")}</time>
                </p>
                <div className="mt-3 whitespace-pre-wrap break-words">
                  <TextWithLinks text={email.text} />
                </div>
                {email.calendarMethod && email.calendarIcs ? (
                  <CalendarInvitation id={email.id} subject={email.subject} method={email.calendarMethod} ics={email.calendarIcs} />
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
