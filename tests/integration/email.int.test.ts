import net from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInEmail } from "@/server/auth/sign-in-email";
import { EmailNotConfiguredError, sendEmail } from "@/server/domain/email/send-email";
import { listOutbox } from "@/server/domain/email/outbox";
import { parseEnv } from "@/server/env";
import { withTestDatabase } from "./support/database";
import { unique } from "./support/factories";

const database = withTestDatabase();

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let smtpPort: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpPort = (smtp.server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("sending email", () => {
  it("delivers over SMTP when SMTP_URL is set, and keeps nothing in the outbox", async () => {
    const env = parseEnv({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, EMAIL_FROM: "Tandem <tandem@example.org>" });
    const to = `${unique("smtp")}@example.org`;
    const before = await database.db.outboxEmail.count();

    const via = await sendEmail(database.db, signInEmail({ to, url: "https://tandem.example.org/api/auth/callback/email?token=abc" }), env);

    expect(via).toBe("smtp");
    const message = received.find((r) => r.to.includes(to));
    expect(message?.from).toBe("tandem@example.org");
    expect(message?.raw).toContain("Subject: Your sign-in link for Tandem");
    expect(message?.raw).toMatch(/callback\/email\?token=(3D)?abc/); // quoted-printable encodes "=" as "=3D"
    expect(await database.db.outboxEmail.count()).toBe(before);
  });

  it("sends a calendar invitation as a text/calendar; method=REQUEST part, and the outbox keeps it", async () => {
    const to = `${unique("invite")}@example.org`;
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:ev1@tandem\r\nSEQUENCE:2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const email = { to, subject: "Invitation: Breakfast", text: "You have a place.", calendar: { method: "REQUEST" as const, content: ics, filename: "breakfast.ics" } };
    const smtpEnv = parseEnv({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, EMAIL_FROM: "Tandem <tandem@example.org>" });

    expect(await sendEmail(database.db, email, smtpEnv)).toBe("smtp");
    const raw = received.find((r) => r.to.includes(to))?.raw ?? "";
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(raw.replace(/=\r\n/g, "")).toMatch(/UID:ev1@tandem/);

    expect(await sendEmail(database.db, { ...email, calendar: { ...email.calendar, method: "CANCEL" } }, parseEnv({ NODE_ENV: "development" }))).toBe("outbox");
    const [kept] = await listOutbox(database.db, 1);
    expect(kept).toMatchObject({ to, calendarMethod: "CANCEL", calendarIcs: ics });
  });

  it("keeps the email in the developer outbox when there is no SMTP, in development", async () => {
    const env = parseEnv({ NODE_ENV: "development" });
    const to = `${unique("outbox")}@example.org`;

    expect(await sendEmail(database.db, signInEmail({ to, url: "http://localhost:3000/link?token=xyz" }), env)).toBe("outbox");

    const [latest] = await listOutbox(database.db, 1);
    expect(latest).toMatchObject({ to, subject: "Your sign-in link for Tandem" });
    expect(latest?.text).toContain("http://localhost:3000/link?token=xyz");
  });

  it("refuses to fall back to the outbox in production outside demo mode", async () => {
    const env = parseEnv({
      NODE_ENV: "production",
      NEXTAUTH_URL: "https://tandem.example.org",
      NEXTAUTH_SECRET: "x".repeat(40),
      OIDC_ISSUER: "https://login.example.org/tenant/v2.0",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "secret",
    });
    const before = await database.db.outboxEmail.count();
    await expect(
      sendEmail(database.db, signInEmail({ to: "a@example.org", url: "https://tandem.example.org/x" }), env),
    ).rejects.toBeInstanceOf(EmailNotConfiguredError);
    expect(await database.db.outboxEmail.count()).toBe(before);
  });
});
