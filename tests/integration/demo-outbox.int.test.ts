import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ADDRESSES, isDemoAddress } from "@/server/domain/demo/demo-addresses";
import { listOutbox } from "@/server/domain/email/outbox";
import { sendEmail } from "@/server/domain/email/send-email";
import { signInEmail } from "@/server/auth/sign-in-email";
import { parseEnv } from "@/server/env";
import { withTestDatabase } from "./support/database";
import { unique } from "./support/factories";

/*
 * In demo mode /dev/outbox is open to anyone, so it must never hold or show a sign-in
 * link (or any mail) for an address outside the seeded demo people.
 */

const database = withTestDatabase();
const demoEnv = parseEnv({ NODE_ENV: "production", TANDEM_DEMO_MODE: "true" });
const getDb = vi.fn();

vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/db/client")>()),
  getDb: () => getDb(),
}));
vi.mock("@/server/env", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/env")>()),
  getEnv: () => demoEnv,
}));

const { default: OutboxPage } = await import("@/app/dev/outbox/page");

beforeAll(() => {
  getDb.mockImplementation(() => database.db);
  vi.spyOn(console, "info").mockImplementation(() => {});
});

const demoPerson = DEMO_ADDRESSES[0]!;
const link = (token: string) => `https://demo.tandem.example/api/auth/callback/email?token=${token}`;

describe("the demo's outbox", () => {
  it("knows the demo people exactly, in any case, and addresses that can belong to nobody (the reserved .example domain)", () => {
    expect(DEMO_ADDRESSES.length).toBeGreaterThan(10);
    expect(isDemoAddress(demoPerson.toUpperCase())).toBe(true);
    expect(isDemoAddress("someone@nhs.net")).toBe(false);
    expect(isDemoAddress("someone@nhs.net.example.org")).toBe(false);
    expect(isDemoAddress("someone@example.com")).toBe(false);
    // The reserved .example domain can never belong to anyone: demos invite new people there.
    expect(isDemoAddress("new.member@carers-trust.example")).toBe(true);
  });

  it("keeps a sign-in link for a demo person", async () => {
    const token = unique("demo");
    expect(await sendEmail(database.db, signInEmail({ to: demoPerson, url: link(token) }), demoEnv)).toBe("outbox");
    const [latest] = await listOutbox(database.db, 1, { demoOnly: true });
    expect(latest?.text).toContain(token);
  });

  it("withholds a sign-in link for any other address: neither sent nor kept", async () => {
    const before = await database.db.outboxEmail.count();
    const result = await sendEmail(database.db, signInEmail({ to: "real.person@nhs.net", url: link(unique("real")) }), demoEnv);
    expect(result).toBe("withheld");
    expect(await database.db.outboxEmail.count()).toBe(before);
  });

  it("shows only the demo people's mail, even if other mail was stored before demo mode", async () => {
    const secret = unique("secret");
    await database.db.outboxEmail.create({ data: { to: "real.person@nhs.net", subject: "Your sign-in link for Tandem", text: link(secret) } });
    const visible = unique("visible");
    await sendEmail(database.db, signInEmail({ to: demoPerson, url: link(visible) }), demoEnv);

    const invited = unique("invited");
    await sendEmail(database.db, signInEmail({ to: "New.Person@Carers-Trust.example", url: link(invited) }), demoEnv);
    await database.db.outboxEmail.create({ data: { to: "someone@example.com.evil.org", subject: "Your sign-in link for Tandem", text: link(secret) } });

    const listed = await listOutbox(database.db, 50, { demoOnly: true });
    expect(listed.every((email) => isDemoAddress(email.to))).toBe(true);
    expect(listed.some((email) => email.text.includes(invited))).toBe(true);
    expect(listed.some((email) => email.text.includes(secret))).toBe(false);
    // Outside demo mode (a developer's own machine) everything stays visible.
    expect((await listOutbox(database.db, 50)).some((email) => email.text.includes(secret))).toBe(true);

    const html = renderToStaticMarkup(await OutboxPage());
    expect(html).toContain(visible);
    expect(html).toContain(demoPerson);
    expect(html).not.toContain(secret);
    expect(html).not.toContain("real.person@nhs.net");
    expect(html).toContain("Emails to anyone else are not kept or shown");
  });
});
