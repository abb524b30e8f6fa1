import { describeForLog, log } from "@/server/log";
import { ROLE_LABELS } from "@/lib/sectors";
import type { InvitationPreview, InvitationStatus } from "@/lib/schemas/invitations";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { MembershipRole } from "@/server/db/generated/enums";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { sendEmail } from "@/server/domain/email/send-email";
import { notify } from "@/server/domain/notifications/notify";
import { enforceRateLimit } from "@/server/domain/rate-limits/rate-limit";
import { displayName } from "@/server/domain/partnerships/administration";
import { getEnv, type Env } from "@/server/env";
import { AppError, notFound } from "@/server/errors";
import { configuredOrigin } from "@/server/site-address";
import { invitationEmail, invitationUrl, maskEmail } from "./invitation-email";
import { hashInvitationToken, newInvitationToken } from "./invitation-token";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";

/** How long an invitation link works after it was (re)sent. */
export const INVITATION_VALID_DAYS = 7;
const expiryFromNow = () => new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);

/**
 * The email goes out inside the transaction that stores the invitation: when it cannot be
 * sent, nothing is kept (and an old link keeps working). Sending may take a while over SMTP.
 */
const SEND_TIMEOUT = { timeout: 30_000, maxWait: 10_000 };


function emailNotSent(cause: unknown): AppError {
  log.error({ err: describeForLog(cause) }, "an invitation email could not be sent");
  return new AppError(
    "PRECONDITION_FAILED",
    "The invitation email could not be sent, so nothing was changed. Please try again in a few minutes; if it keeps failing, ask whoever runs Tandem to check its email settings.",
  );
}

/**
 * Each officer may send TANDEM_RATE_LIMIT_INVITATIONS invitation emails (new or resent),
 * counted across every partnership and instance, so nobody can make Tandem mail without end.
 */
async function limitInvitationEmails(db: Database, actor: Actor, env: Env) {
  await enforceRateLimit(
    db,
    "invitations",
    actor.userId,
    env.TANDEM_RATE_LIMIT_INVITATIONS,
    "You have sent a lot of invitations in a short time, so Tandem is holding the next one back.",
  );
}

function alreadyInvited(email: string): AppError {
  return new AppError(
    "CONFLICT",
    `${email} already has an open invitation to this partnership. Use "Resend" in the list of open invitations to send them a fresh link.`,
    { email: ["This address already has an open invitation: resend it instead"] },
  );
}

/** An officer invites someone by email; the link works once and for INVITATION_VALID_DAYS days. */
export async function createInvitation(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { email: string; role: MembershipRole },
  env: Env = getEnv(),
  origin: string = configuredOrigin(env),
) {
  const email = input.email.trim().toLowerCase();
  const sameEmail = { equals: email, mode: "insensitive" as const };
  const [partnership, member, open] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true, name: true } }),
    db.membership.findFirst({ where: { partnershipId, user: { email: sameEmail } }, select: { role: true } }),
    db.invitation.findFirst({
      where: { partnershipId, email: sameEmail, acceptedAt: null, revokedAt: null },
      select: { id: true },
    }),
  ]);
  if (member) {
    throw new AppError(
      "CONFLICT",
      `${email} is already a member of this partnership (as ${ROLE_LABELS[member.role].toLowerCase()}). To change what they can do, change their role in the members list.`,
      { email: ["This person is already a member"] },
    );
  }
  if (open) throw alreadyInvited(email);
  await limitInvitationEmails(db, actor, env);

  const token = newInvitationToken();
  const expiresAt = expiryFromNow();
  const inviterName = displayName(actor);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await tx.invitation.create({
        data: {
          partnershipId,
          email,
          role: input.role,
          tokenHash: hashInvitationToken(token),
          invitedById: actor.userId,
          expiresAt,
        },
        select: { id: true, email: true, role: true, expiresAt: true, sendCount: true },
      });
      await recordActivity(tx, {
        partnershipId,
        actorId: actor.userId,
        kind: "MEMBER_INVITED",
        summary: `${inviterName} invited ${email} to join as ${ROLE_LABELS[input.role].toLowerCase()}`,
        linkPath: paths.admin(partnership.slug),
      });
      await deliver(db, env, {
        to: email,
        url: invitationUrl(token, origin),
        partnershipName: partnership.name,
        inviterName,
        role: input.role,
        expiresAt,
      });
      return invitation;
    }, SEND_TIMEOUT);
  } catch (error) {
    // Someone else invited the same address a moment ago (the partial unique index).
    if (isUniqueViolation(error)) throw alreadyInvited(email);
    throw error;
  }
}

async function deliver(db: Database, env: Env, details: Parameters<typeof invitationEmail>[0]) {
  try {
    await sendEmail(db, invitationEmail(details), env);
  } catch (error) {
    throw emailNotSent(error);
  }
}

/** Sends a fresh link: the old one stops working, and the week starts again. */
export async function resendInvitation(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { invitationId: string },
  env: Env = getEnv(),
  origin: string = configuredOrigin(env),
) {
  const invitation = await db.invitation.findFirst({
    where: { id: input.invitationId, partnershipId },
    select: {
      id: true,
      email: true,
      role: true,
      acceptedAt: true,
      revokedAt: true,
      partnership: { select: { slug: true, name: true } },
    },
  });
  if (!invitation) throw notFound("That invitation");
  if (invitation.acceptedAt) {
    throw new AppError("CONFLICT", `The invitation to ${invitation.email} has already been accepted, so it cannot be resent.`);
  }
  if (invitation.revokedAt) {
    throw new AppError(
      "CONFLICT",
      `The invitation to ${invitation.email} was withdrawn, so it cannot be resent. Send a new invitation instead.`,
    );
  }
  const member = await db.membership.findFirst({
    where: { partnershipId, user: { email: { equals: invitation.email, mode: "insensitive" } } },
    select: { id: true },
  });
  if (member) {
    throw new AppError(
      "CONFLICT",
      `${invitation.email} is already a member of this partnership. Withdraw this invitation instead of resending it.`,
    );
  }
  await limitInvitationEmails(db, actor, env);

  const token = newInvitationToken();
  const expiresAt = expiryFromNow();
  return db.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: {
        tokenHash: hashInvitationToken(token),
        expiresAt,
        lastSentAt: new Date(),
        sendCount: { increment: 1 },
      },
    });
    if (updated.count !== 1) {
      throw new AppError("CONFLICT", `The invitation to ${invitation.email} was accepted or withdrawn a moment ago.`);
    }
    await deliver(db, env, {
      to: invitation.email,
      url: invitationUrl(token, origin),
      partnershipName: invitation.partnership.name,
      inviterName: displayName(actor),
      role: invitation.role,
      expiresAt,
    });
    return tx.invitation.findUniqueOrThrow({
      where: { id: invitation.id },
      select: { id: true, email: true, expiresAt: true, sendCount: true, lastSentAt: true },
    });
  }, SEND_TIMEOUT);
}

/** Withdraws an open invitation: its link stops working at once. */
export async function revokeInvitation(db: Database, actor: Actor, partnershipId: string, input: { invitationId: string }) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: input.invitationId, partnershipId },
      select: { id: true, email: true, partnership: { select: { slug: true } } },
    });
    if (!invitation) throw notFound("That invitation");
    const revokedAt = new Date();
    const updated = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt },
    });
    if (updated.count !== 1) {
      const current = await tx.invitation.findUniqueOrThrow({
        where: { id: invitation.id },
        select: { acceptedAt: true },
      });
      throw new AppError(
        "CONFLICT",
        current.acceptedAt
          ? `The invitation to ${invitation.email} has already been accepted, so it cannot be withdrawn. Remove the member instead if needed.`
          : `The invitation to ${invitation.email} was already withdrawn.`,
      );
    }
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "INVITATION_REVOKED",
      summary: `${displayName(actor)} withdrew the invitation to ${invitation.email}`,
      linkPath: paths.admin(invitation.partnership.slug),
    });
    return { id: invitation.id, revokedAt };
  });
}

type InvitationState = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

export function invitationStatus(invitation: InvitationState, now = new Date()): InvitationStatus {
  if (invitation.revokedAt) return "revoked";
  if (invitation.acceptedAt) return "used";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

const invitationDetails = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  acceptedById: true,
  revokedAt: true,
  partnershipId: true,
  organisationId: true,
  partnership: { select: { slug: true, name: true } },
  invitedBy: { select: { id: true, name: true, email: true } },
} as const;

function findByToken(db: Database, token: string) {
  return db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: invitationDetails });
}

/** What the landing page of an invitation link may show. An unknown token reveals nothing. */
export async function previewInvitation(db: Database, token: string): Promise<InvitationPreview> {
  const invitation = await findByToken(db, token);
  if (!invitation) return { status: "invalid" };
  return {
    status: invitationStatus(invitation),
    partnershipName: invitation.partnership.name,
    partnershipSlug: invitation.partnership.slug,
    inviterName: displayName(invitation.invitedBy),
    role: invitation.role,
    emailHint: maskEmail(invitation.email),
    expiresAt: invitation.expiresAt,
  };
}

const NOT_VALID =
  "This invitation link is not valid. Check that you copied the whole link from the email, or ask the person who invited you to send it again.";

type InvitationFacts = {
  expiresAt: Date;
  acceptedById: string | null;
  partnership: { name: string };
  invitedBy: { name: string | null; email: string };
};

/** Why a link that exists cannot be accepted, and what to do about it. */
function unavailable(status: Exclude<InvitationStatus, "valid">, invitation: InvitationFacts, actor: Actor) {
  const inviter = displayName(invitation.invitedBy);
  switch (status) {
    case "revoked":
      return new AppError(
        "CONFLICT",
        `This invitation to ${invitation.partnership.name} was withdrawn. If you still expect to join, ask ${inviter} or another officer to invite you again.`,
      );
    case "used":
      return new AppError(
        "CONFLICT",
        invitation.acceptedById === actor.userId
          ? `You have already accepted this invitation: you are a member of ${invitation.partnership.name}.`
          : `This invitation has already been used. Each link works once: ask ${inviter} to send you a new invitation.`,
      );
    case "expired":
      return new AppError(
        "PRECONDITION_FAILED",
        `This invitation expired on ${formatInstantDay(invitation.expiresAt)}. Ask ${inviter} to send it again: officers can resend it from the partnership's administration page.`,
      );
  }
}

/**
 * The signed-in person accepts an invitation sent to their email address. The claim is a
 * conditional update that only one request can win, so a link works exactly once even
 * when clicked twice at the same moment.
 */
export async function acceptInvitation(db: Database, actor: Actor, input: { token: string }) {
  const tokenHash = hashInvitationToken(input.token);
  const invitation = await db.invitation.findUnique({ where: { tokenHash }, select: invitationDetails });
  if (!invitation) throw new AppError("BAD_REQUEST", NOT_VALID);
  const status = invitationStatus(invitation);
  if (status !== "valid") throw unavailable(status, invitation, actor);
  if (invitation.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `This invitation was sent to ${maskEmail(invitation.email)}, but you are signed in as ${actor.email}. Sign out, then sign in with the address the invitation was sent to.`,
    );
  }

  const { partnershipId, partnership } = invitation;
  const inviter = displayName(invitation.invitedBy);
  const name = displayName(actor);
  try {
    return await db.$transaction(async (tx) => {
      // The token is part of the condition: a link replaced by a resend a moment ago is not valid any more.
      const claimed = await tx.$executeRaw`
        UPDATE "Invitation" SET "acceptedAt" = now(), "acceptedById" = ${actor.userId}
        WHERE "id" = ${invitation.id} AND "tokenHash" = ${tokenHash}
          AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()`;
      if (claimed !== 1) {
        const current = await tx.invitation.findUniqueOrThrow({
          where: { id: invitation.id },
          select: { ...invitationDetails, tokenHash: true },
        });
        if (current.tokenHash !== tokenHash) throw new AppError("BAD_REQUEST", NOT_VALID);
        const now = invitationStatus(current);
        throw unavailable(now === "valid" ? "expired" : now, current, actor);
      }

      const existing = await tx.membership.findUnique({
        where: { partnershipId_userId: { partnershipId, userId: actor.userId } },
        select: { role: true },
      });
      const role = existing?.role ?? invitation.role;
      if (!existing) {
        await tx.membership.create({ data: { partnershipId, userId: actor.userId, role } });
      }
      // An imported invitation names the person's organisation: their account takes it unless it names one already.
      if (invitation.organisationId) {
        await tx.user.updateMany({ where: { id: actor.userId, organisationId: null }, data: { organisationId: invitation.organisationId } });
      }
      await recordActivity(tx, {
        partnershipId,
        actorId: actor.userId,
        kind: "INVITATION_ACCEPTED",
        summary: existing
          ? `${name} accepted ${inviter}'s invitation (already a member, as ${ROLE_LABELS[role].toLowerCase()})`
          : `${name} accepted ${inviter}'s invitation and joined as ${ROLE_LABELS[role].toLowerCase()}`,
        linkPath: paths.partnership(partnership.slug),
      });
      await notify(tx, {
        userIds: [invitation.invitedBy.id],
        actorId: actor.userId,
        partnershipId,
        kind: "INVITATION",
        title: `${name} accepted your invitation to ${partnership.name}`,
        linkPath: paths.admin(partnership.slug),
      });
      return {
        partnershipSlug: partnership.slug,
        partnershipName: partnership.name,
        role,
        alreadyMember: Boolean(existing),
      };
    });
  } catch (error) {
    // Made a member by other means in the same instant: the invitation stays open.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `You are already a member of ${partnership.name}.`);
    }
    throw error;
  }
}
