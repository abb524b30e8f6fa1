import net from "node:net";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { hashInvitationToken } from "@/server/domain/invitations/invitation-token";
import { acceptInvitation, createInvitation, resendInvitation } from "@/server/domain/invitations/invitations";
import { createCaller } from "@/server/api/root";
import { AppError } from "@/server/errors";
import { parseEnv } from "@/server/env";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { addMember, createPerson, unique } from "./support/factories";
import { partnershipWorld } from "./support/worlds";

const database = withTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org/" });

/** A partnership whose officer, Sandra Kerr, sends the invitations. */
async function setUp(db: Database) {
  const w = await partnershipWorld(db, {
    cast: { officer: { name: "Sandra Kerr", role: "OFFICER" } },
    partnership: { name: `Renfrewshire SPG ${unique()}` },
  });
  return { partnership: w.partnership, officer: w.people.officer, api: w.api("officer") };
}

/** Someone who can sign in with a given address (unique per test). */
async function personWithEmail(db: Database, email: string): Promise<Actor> {
  const user = await db.user.create({ data: { name: `Invitee ${unique()}`, email } });
  return { userId: user.id, name: user.name, email: user.email, organisationId: null };
}

/** The token in the most recent invitation email to `to`, read from the link. */
async function tokenEmailedTo(db: Database, to: string) {
  const email = await db.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(email.text);
  if (!match) throw new Error(`no invitation link in: ${email.text}`);
  return { token: match[1]!, email };
}

/** Everything an invitation call could write, to prove a refusal wrote nothing. */
async function footprint(db: Database, partnershipId: string, email: string) {
  const [invitations, memberships, activities, notifications, outbox] = await Promise.all([
    db.invitation.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.activity.count({ where: { partnershipId } }),
    db.notification.count({ where: { partnershipId } }),
    db.outboxEmail.count({ where: { to: email } }),
  ]);
  return { invitations, memberships, activities, notifications, outbox };
}

/** An SMTP URL on which nothing listens: sending fails at once. */
async function deadSmtpUrl(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  return `smtp://127.0.0.1:${port}`;
}

describe("invitation.create", () => {
  it("emails a single-use link, keeps only the token's hash, and lower-cases the address", async () => {
    const { db } = database;
    const { partnership, officer, api } = await setUp(db);
    const email = `${unique("jo")}@example.org`;

    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email: `  ${email.toUpperCase()} `, role: "CHAIR" });

    expect(invitation).toMatchObject({ email, role: "CHAIR", sendCount: 1 });
    expect(invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000);
    expect(invitation.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    const { token, email: sent } = await tokenEmailedTo(db, email);
    expect(sent.subject).toBe(`You're invited to join ${partnership.name} on Tandem`);
    expect(sent.text).toContain("Sandra Kerr has invited you");
    expect(sent.text).toContain("as a chair");
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.invitedById).toBe(officer.userId);
    const activity = await db.activity.findFirstOrThrow({ where: { partnershipId: partnership.id } });
    expect(activity).toMatchObject({ kind: "MEMBER_INVITED", actorId: officer.userId });
  });

  it("builds the link from NEXTAUTH_URL", async () => {
    const { db } = database;
    const { partnership, officer } = await setUp(db);
    const email = `${unique("link")}@example.org`;

    await createInvitation(db, officer, partnership.id, { email, role: "MEMBER" }, env);

    const { token, email: sent } = await tokenEmailedTo(db, email);
    expect(sent.text).toContain(`https://tandem.example.org/invite/${token}`);
    expect(sent.html).toContain(`href="https://tandem.example.org/invite/${token}"`);
  });

  it("links to the address the officer's request came to (a demo opened at a machine's IP address)", async () => {
    const { db } = database;
    const { partnership, officer } = await setUp(db);
    const email = `${unique("origin")}@example.org`;

    await createCaller({ db, actor: officer, siteOrigin: "http://192.168.1.20:3000" }).invitation.create({
      partnershipSlug: partnership.slug,
      email,
      role: "MEMBER",
    });

    const { token, email: sent } = await tokenEmailedTo(db, email);
    expect(sent.text).toContain(`http://192.168.1.20:3000/invite/${token}`);
    expect(sent.text).not.toContain("localhost");
  });

  it("refuses to invite someone who is already a member (whatever the capitals), and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const existing = await createPerson(db);
    await addMember(db, partnership.id, existing.actor.userId, "MEMBER");
    const before = await footprint(db, partnership.id, existing.actor.email);

    await expectFailure(
      api.invitation.create({ partnershipSlug: partnership.slug, email: existing.actor.email.toUpperCase(), role: "OFFICER" }),
      "CONFLICT",
      `${existing.actor.email} is already a member of this partnership (as member). To change what they can do, change their role in the members list.`,
    );
    expect(await footprint(db, partnership.id, existing.actor.email)).toEqual(before);
  });

  it("refuses a second open invitation to the same address, suggesting a resend, and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `${unique("twice")}@example.org`;
    await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    const before = await footprint(db, partnership.id, email);

    const error = await expectFailure(
      api.invitation.create({ partnershipSlug: partnership.slug, email: email.toUpperCase(), role: "CHAIR" }),
      "CONFLICT",
    );
    expect(error.message).toContain(`${email} already has an open invitation to this partnership. Use "Resend"`);
    expect(await footprint(db, partnership.id, email)).toEqual(before);
  });

  it("allows a new invitation once the earlier one was withdrawn", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `${unique("again")}@example.org`;
    const first = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    await api.invitation.revoke({ invitationId: first.id });

    await expect(api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" })).resolves.toMatchObject({ email });
  });

  it("keeps exactly one of several simultaneous invitations to the same address", async () => {
    const { db } = database;
    const { partnership, officer } = await setUp(db);
    const email = `${unique("race")}@example.org`;

    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createInvitation(db, officer, partnership.id, { email, role: "MEMBER" }, env)),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(result.reason).toBeInstanceOf(AppError);
      expect((result.reason as AppError).code).toBe("CONFLICT");
      expect((result.reason as AppError).userMessage).toContain("already has an open invitation");
    }
    expect(await db.invitation.count({ where: { partnershipId: partnership.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(1);
  });

  it("keeps nothing when the email cannot be sent", async () => {
    const { db } = database;
    const { partnership, officer } = await setUp(db);
    const email = `${unique("nosmtp")}@example.org`;
    const before = await footprint(db, partnership.id, email);
    const brokenEnv = parseEnv({ NODE_ENV: "test", SMTP_URL: await deadSmtpUrl() });

    const error = await expectFailure<AppError>(
      createInvitation(db, officer, partnership.id, { email, role: "MEMBER" }, brokenEnv),
      "PRECONDITION_FAILED",
    );

    expect(error).toBeInstanceOf(AppError);
    expect(error.userMessage).toContain("The invitation email could not be sent, so nothing was changed.");
    expect(await footprint(db, partnership.id, email)).toEqual(before);
  });
});

describe("invitation.resend", () => {
  it("sends a new link, so the old one stops working, and starts the week again", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `${unique("resend")}@example.org`;
    const invitee = await personWithEmail(db, email);
    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    const { token: oldToken } = await tokenEmailedTo(db, email);
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - DAY), lastSentAt: new Date(Date.now() - 8 * DAY) } });

    const resent = await api.invitation.resend({ invitationId: invitation.id });

    expect(resent.sendCount).toBe(2);
    expect(resent.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000);
    expect(resent.lastSentAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(2);
    const { token: newToken } = await tokenEmailedTo(db, email);
    expect(newToken).not.toBe(oldToken);

    const anonymous = callerFor(db, null);
    expect(await anonymous.invitation.preview({ token: oldToken })).toEqual({ status: "invalid" });
    expect(await anonymous.invitation.preview({ token: newToken })).toMatchObject({ status: "valid" });
    const theirApi = callerFor(db, invitee);
    await expectFailure(theirApi.invitation.accept({ token: oldToken }), "BAD_REQUEST");
    await expect(theirApi.invitation.accept({ token: newToken })).resolves.toMatchObject({ partnershipSlug: partnership.slug });
  });

  it("refuses the old link even when it is accepted while the resend is being saved", async () => {
    const { db } = database;
    const { partnership, officer } = await setUp(db);
    const email = `${unique("overlap")}@example.org`;
    const invitee = await personWithEmail(db, email);
    const invitation = await createInvitation(db, officer, partnership.id, { email, role: "MEMBER" }, env);
    const { token: oldToken } = await tokenEmailedTo(db, email);

    // A resend holds the invitation row (new token written, not yet committed) while the old link is accepted.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const resend = db.$transaction(async (tx) => {
      await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash: hashInvitationToken("fresh-token") } });
      await released;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const accept = expectFailure<AppError>(acceptInvitation(db, invitee, { token: oldToken }), "BAD_REQUEST");
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await resend;

    expect(await accept).toBeInstanceOf(AppError);
    expect(await db.membership.count({ where: { partnershipId: partnership.id, userId: invitee.userId } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
  });

  it("refuses accepted and withdrawn invitations, and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const acceptedEmail = `${unique("done")}@example.org`;
    const accepted = await api.invitation.create({ partnershipSlug: partnership.slug, email: acceptedEmail, role: "MEMBER" });
    await callerFor(db, await personWithEmail(db, acceptedEmail)).invitation.accept({ token: (await tokenEmailedTo(db, acceptedEmail)).token });
    const revokedEmail = `${unique("gone")}@example.org`;
    const revoked = await api.invitation.create({ partnershipSlug: partnership.slug, email: revokedEmail, role: "MEMBER" });
    await api.invitation.revoke({ invitationId: revoked.id });
    const before = await footprint(db, partnership.id, acceptedEmail);
    const outboxBefore = await db.outboxEmail.count({ where: { to: revokedEmail } });

    await expectFailure(
      api.invitation.resend({ invitationId: accepted.id }),
      "CONFLICT",
      `The invitation to ${acceptedEmail} has already been accepted, so it cannot be resent.`,
    );
    await expectFailure(
      api.invitation.resend({ invitationId: revoked.id }),
      "CONFLICT",
      `The invitation to ${revokedEmail} was withdrawn, so it cannot be resent. Send a new invitation instead.`,
    );
    expect(await footprint(db, partnership.id, acceptedEmail)).toEqual(before);
    expect(await db.outboxEmail.count({ where: { to: revokedEmail } })).toBe(outboxBefore);
  });

  it("keeps the old link working when the new email cannot be sent", async () => {
    const { db } = database;
    const { partnership, officer, api } = await setUp(db);
    const email = `${unique("keep")}@example.org`;
    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    const { token } = await tokenEmailedTo(db, email);
    const before = await footprint(db, partnership.id, email);
    const brokenEnv = parseEnv({ NODE_ENV: "test", SMTP_URL: await deadSmtpUrl() });

    await expectFailure<AppError>(
      resendInvitation(db, officer, partnership.id, { invitationId: invitation.id }, brokenEnv),
      "PRECONDITION_FAILED",
    );
    expect(await footprint(db, partnership.id, email)).toEqual(before);
    expect(await callerFor(db, null).invitation.preview({ token })).toMatchObject({ status: "valid" });
  });
});

describe("invitation.revoke", () => {
  it("withdraws the invitation: the link then explains it was withdrawn and cannot be accepted", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `${unique("revoke")}@example.org`;
    const invitee = await personWithEmail(db, email);
    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    const { token } = await tokenEmailedTo(db, email);

    const result = await api.invitation.revoke({ invitationId: invitation.id });

    expect(result.revokedAt).toBeInstanceOf(Date);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toEqual(result.revokedAt);
    expect(await db.activity.count({ where: { partnershipId: partnership.id, kind: "INVITATION_REVOKED" } })).toBe(1);
    expect(await callerFor(db, null).invitation.preview({ token })).toMatchObject({ status: "revoked" });
    const before = await footprint(db, partnership.id, email);
    const error = await expectFailure(callerFor(db, invitee).invitation.accept({ token }), "CONFLICT");
    expect(error.message).toContain("was withdrawn");
    await expectFailure(
      api.invitation.revoke({ invitationId: invitation.id }),
      "CONFLICT",
      `The invitation to ${email} was already withdrawn.`,
    );
    expect(await footprint(db, partnership.id, email)).toEqual(before);
  });

  it("treats an invitation of another partnership as not found", async () => {
    const { db } = database;
    const { api } = await setUp(db);
    const elsewhere = await setUp(db);
    const invitation = await elsewhere.api.invitation.create({
      partnershipSlug: elsewhere.partnership.slug,
      email: `${unique("else")}@example.org`,
      role: "MEMBER",
    });

    await expectFailure(api.invitation.revoke({ invitationId: invitation.id }), "NOT_FOUND");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });
});

describe("invitation.preview", () => {
  it("says who invited whom to what, and the status of the link", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `jo-${unique()}@example.org`;
    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "OBSERVER" });
    const { token } = await tokenEmailedTo(db, email);
    const anonymous = callerFor(db, null);

    expect(await anonymous.invitation.preview({ token })).toEqual({
      status: "valid",
      partnershipName: partnership.name,
      partnershipSlug: partnership.slug,
      inviterName: "Sandra Kerr",
      role: "OBSERVER",
      emailHint: "j***@example.org",
      expiresAt: invitation.expiresAt,
    });

    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await anonymous.invitation.preview({ token })).toMatchObject({ status: "expired" });
  });

  it("reveals nothing for an unknown token", async () => {
    const anonymous = callerFor(database.db, null);
    expect(await anonymous.invitation.preview({ token: "not-a-real-token" })).toEqual({ status: "invalid" });
    expect(await anonymous.invitation.preview({ token: "x".repeat(43) })).toEqual({ status: "invalid" });
  });
});

describe("invitation.accept", () => {
  it("makes the person a member with the invited role, once, and records it", async () => {
    const { db } = database;
    const { partnership, officer, api } = await setUp(db);
    const email = `${unique("accept")}@example.org`;
    const invitee = await personWithEmail(db, email.toUpperCase()); // addresses match whatever their capitals
    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "CHAIR" });
    const { token } = await tokenEmailedTo(db, email);
    const theirApi = callerFor(db, invitee);

    const result = await theirApi.invitation.accept({ token });

    expect(result).toEqual({ partnershipSlug: partnership.slug, partnershipName: partnership.name, role: "CHAIR", alreadyMember: false });
    const membership = await db.membership.findUniqueOrThrow({
      where: { partnershipId_userId: { partnershipId: partnership.id, userId: invitee.userId } },
    });
    expect(membership.role).toBe("CHAIR");
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.acceptedAt).toBeInstanceOf(Date);
    expect(stored.acceptedById).toBe(invitee.userId);
    expect(await db.activity.count({ where: { partnershipId: partnership.id, kind: "INVITATION_ACCEPTED", actorId: invitee.userId } })).toBe(1);
    expect(await db.notification.count({ where: { userId: officer.userId, kind: "INVITATION" } })).toBe(1);
    await expect(theirApi.partnership.overview({ partnershipSlug: partnership.slug })).resolves.toMatchObject({ myRole: "CHAIR" });
    expect(await callerFor(db, null).invitation.preview({ token })).toMatchObject({ status: "used" });

    // The link works once.
    const before = await footprint(db, partnership.id, email);
    await expectFailure(
      theirApi.invitation.accept({ token }),
      "CONFLICT",
      `You have already accepted this invitation: you are a member of ${partnership.name}.`,
    );
    expect(await footprint(db, partnership.id, email)).toEqual(before);
  });

  it("is single-use even when accepted several times at the same moment", async () => {
    const { db } = database;
    const { partnership, officer } = await setUp(db);
    const email = `${unique("double")}@example.org`;
    const invitee = await personWithEmail(db, email);
    await createInvitation(db, officer, partnership.id, { email, role: "MEMBER" }, env);
    const { token } = await tokenEmailedTo(db, email);

    const results = await Promise.allSettled(Array.from({ length: 5 }, () => acceptInvitation(db, invitee, { token })));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(result.reason).toBeInstanceOf(AppError);
      expect((result.reason as AppError).code).toBe("CONFLICT");
    }
    expect(await db.membership.count({ where: { partnershipId: partnership.id, userId: invitee.userId } })).toBe(1);
    expect(await db.activity.count({ where: { partnershipId: partnership.id, kind: "INVITATION_ACCEPTED" } })).toBe(1);
  });

  it("refuses someone signed in with another address, saying (partly) where it was sent, and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `jamie-${unique()}@example.org`;
    await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    const { token } = await tokenEmailedTo(db, email);
    const someoneElse = await createPerson(db);
    const before = await footprint(db, partnership.id, email);

    const error = await expectFailure(
      callerFor(db, someoneElse.actor).invitation.accept({ token }),
      "PRECONDITION_FAILED",
      `This invitation was sent to j***@example.org, but you are signed in as ${someoneElse.actor.email}. Sign out, then sign in with the address the invitation was sent to.`,
    );
    expect(error.message).not.toContain(email);
    expect(await footprint(db, partnership.id, email)).toEqual(before);
  });

  it("refuses an expired invitation, saying to ask for it again, and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `${unique("late")}@example.org`;
    const invitee = await personWithEmail(db, email);
    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    const { token } = await tokenEmailedTo(db, email);
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await footprint(db, partnership.id, email);

    await expectFailure(
      callerFor(db, invitee).invitation.accept({ token }),
      "PRECONDITION_FAILED",
      /^This invitation expired on .+\. Ask Sandra Kerr to send it again/,
    );
    expect(await footprint(db, partnership.id, email)).toEqual(before);
  });

  it("marks the invitation accepted but keeps the role of someone who is already a member", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `${unique("member")}@example.org`;
    const invitee = await personWithEmail(db, email);
    const invitation = await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "OFFICER" });
    const { token } = await tokenEmailedTo(db, email);
    // They joined by another route after the invitation was sent.
    await addMember(db, partnership.id, invitee.userId, "OBSERVER");

    const result = await callerFor(db, invitee).invitation.accept({ token });

    expect(result).toMatchObject({ alreadyMember: true, role: "OBSERVER" });
    expect(await db.membership.findFirstOrThrow({ where: { partnershipId: partnership.id, userId: invitee.userId } })).toMatchObject({
      role: "OBSERVER",
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeInstanceOf(Date);
  });

  it("refuses an unknown token and anonymous callers, writing nothing", async () => {
    const { db } = database;
    const { partnership, api } = await setUp(db);
    const email = `${unique("anon")}@example.org`;
    await api.invitation.create({ partnershipSlug: partnership.slug, email, role: "MEMBER" });
    const { token } = await tokenEmailedTo(db, email);
    const someone = await createPerson(db);
    const before = await footprint(db, partnership.id, email);

    const unknown = await expectFailure(callerFor(db, someone.actor).invitation.accept({ token: "made-up-token" }), "BAD_REQUEST");
    await expectFailure(callerFor(db, null).invitation.accept({ token }), "UNAUTHORIZED");

    expect(unknown.message).toContain("This invitation link is not valid.");
    expect(await footprint(db, partnership.id, email)).toEqual(before);
  });
});
