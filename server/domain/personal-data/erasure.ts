import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { ErasureRequest, ErasureState, Prisma } from "@/server/db/generated/client";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { cancelRsvp } from "@/server/domain/events/rsvp";
import { notify } from "@/server/domain/notifications/notify";
import { endWhatTheRoleGave } from "@/server/domain/partnerships/role-change";
import type { Env } from "@/server/env";
import { AppError } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/queue";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";

type Tx = Prisma.TransactionClient;

/**
 * Closing an account and erasing a person's data (UK GDPR Article 17).
 *
 *   REQUESTED ──withdraw──▶ WITHDRAWN
 *       └──after the grace period (the "people.erasure" job)──▶ ERASED
 *
 * Erasure anonymises rather than deletes the person's row: what the partnership must keep
 * (ledger entries, awards, decisions, scores, the audit trail, proposals, projects and
 * their updates) stays, attributed to "Former member". Their name, email, profile, sessions,
 * sign-in accounts, calendar link and notifications go; what they wrote to others
 * (conversations, comments, stories, named reflection answers) is replaced by
 * "Removed at the author's request."; and their full name and email address are replaced
 * wherever else they appear in the database's text.
 */
export const ERASURE_TRANSITIONS: Readonly<Record<ErasureState, readonly ErasureState[]>> = {
  REQUESTED: ["WITHDRAWN", "ERASED"],
  WITHDRAWN: [],
  ERASED: [],
};

export function canMoveErasure(from: ErasureState, to: ErasureState): boolean {
  return ERASURE_TRANSITIONS[from].includes(to);
}

export const FORMER_MEMBER = "Former member";
export const REMOVED_TEXT = "Removed at the author's request.";
export const REMOVED_EMAIL = "[email removed]";

const DAY_MS = 24 * 60 * 60_000;

/** The address an erased person is left with: unique, and on a domain that can never receive mail (RFC 2606). */
export function erasedEmail(userId: string): string {
  return `former-member-${userId}@erased.invalid`;
}

/** Rolls a dry run back once it has shown that nothing would be refused. */
class DryRunDone extends Error {}

/**
 * Ends the person's part in every partnership (sub-groups, teams, panels, co-authorships) and
 * removes their memberships, or refuses, naming what must be handed over first. `refusalLead`
 * starts the refusal: "Before your account can be closed," or "Before Sam's account …".
 */
async function leaveEveryPartnership(tx: Tx, userId: string, name: string, refusalLead: string): Promise<{ partnershipId: string; name: string }[]> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: { id: true, role: true, partnershipId: true, partnership: { select: { name: true } } },
    orderBy: { partnershipId: "asc" },
  });
  const onlyOfficerOf: string[] = [];
  for (const membership of memberships) {
    if (membership.role !== "OFFICER") continue;
    // Lock the partnership's officers, in id order as role changes do, so two officers leaving at once cannot both go.
    const officers = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "Membership" WHERE "partnershipId" = ${membership.partnershipId} AND "role" = 'OFFICER' ORDER BY "id" FOR UPDATE`;
    if (officers.every((officer) => officer.userId === userId)) onlyOfficerOf.push(membership.partnership.name);
  }
  if (onlyOfficerOf.length > 0) {
    throw new AppError(
      "CONFLICT",
      `${refusalLead} make someone else an officer of ${onlyOfficerOf.map((partnership) => `“${partnership}”`).join(" and ")} (on its administration page). Nothing was changed.`,
    );
  }
  for (const membership of memberships) {
    await endWhatTheRoleGave(tx, { partnershipId: membership.partnershipId, userId, name, to: null, refusalLead });
  }
  await tx.joinRequest.updateMany({ where: { userId, status: "PENDING" }, data: { status: "WITHDRAWN" } });
  await tx.membership.deleteMany({ where: { userId } });
  return memberships.map((membership) => ({ partnershipId: membership.partnershipId, name: membership.partnership.name }));
}

/** Refuses (with what to hand over) if erasing this person now would leave something without a lead. Changes nothing. */
export async function checkErasureAllowed(db: Database, userId: string, refusalLead: string): Promise<void> {
  const person = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  try {
    await db.$transaction(async (tx) => {
      await leaveEveryPartnership(tx, userId, person.name ?? person.email, refusalLead);
      throw new DryRunDone();
    });
  } catch (error) {
    if (error instanceof DryRunDone) return;
    throw error;
  }
}

async function officersOf(tx: Tx | Database, userId: string) {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: { partnershipId: true, partnership: { select: { slug: true, name: true, memberships: { where: { role: "OFFICER" }, select: { userId: true } } } } },
  });
  return memberships.map((membership) => ({
    partnershipId: membership.partnershipId,
    slug: membership.partnership.slug,
    officerIds: membership.partnership.memberships.map((officer) => officer.userId).filter((id) => id !== userId),
  }));
}

export type ErasureView = Pick<ErasureRequest, "id" | "state" | "requestedAt" | "effectiveAt" | "withdrawnAt" | "erasedAt">;

const VIEW = { id: true, state: true, requestedAt: true, effectiveAt: true, withdrawnAt: true, erasedAt: true } as const;

/** The person's waiting request, if any. */
export async function pendingErasure(db: Database, userId: string): Promise<ErasureView | null> {
  return db.erasureRequest.findFirst({ where: { userId, state: "REQUESTED" }, select: VIEW });
}

/**
 * Asks for an account to be closed and erased after the grace period. Refused, naming what to
 * hand over, when it would leave a sub-group, a running project, an open proposal or a
 * partnership without a lead. A second request returns the waiting one. Officers of each of
 * the person's partnerships are told, and it is in each partnership's audit trail.
 */
export async function requestErasure(
  db: Database,
  subject: { userId: string; requestedById: string | null },
  env: Pick<Env, "TANDEM_ERASURE_GRACE_DAYS">,
  now: Date = new Date(),
): Promise<{ request: ErasureView; created: boolean }> {
  const existing = await pendingErasure(db, subject.userId);
  if (existing) return { request: existing, created: false };
  const person = await db.user.findUniqueOrThrow({ where: { id: subject.userId }, select: { name: true, email: true, erasedAt: true } });
  if (person.erasedAt) throw new AppError("CONFLICT", "This account has already been closed and its data erased.");
  const self = subject.requestedById === subject.userId;
  const name = person.name?.trim() || person.email;
  await checkErasureAllowed(db, subject.userId, self ? "Before your account can be closed," : `Before ${name}'s account can be closed,`);

  const effectiveAt = new Date(now.getTime() + env.TANDEM_ERASURE_GRACE_DAYS * DAY_MS);
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.erasureRequest.create({
        data: { userId: subject.userId, requestedById: subject.requestedById, requestedAt: now, effectiveAt },
        select: VIEW,
      });
      await enqueueJob(tx, { kind: "people.erasure", payload: { requestId: request.id }, onceKey: `erasure:${request.id}`, runAfter: effectiveAt, maxAttempts: 5 });
      for (const partnership of await officersOf(tx, subject.userId)) {
        await recordAudit(tx, {
          partnershipId: partnership.partnershipId,
          actorId: subject.requestedById ?? subject.userId,
          action: "personal-data.erasure_requested",
          subjectType: "User",
          subjectId: subject.userId,
          summary: `${name} asked to close their account; their personal data will be erased on ${formatInstantDay(effectiveAt)} unless they change their mind`,
        });
        await notify(tx, {
          userIds: partnership.officerIds,
          actorId: subject.userId,
          partnershipId: partnership.partnershipId,
          kind: "MEMBER_LEAVING",
          title: `${name} has asked to close their Tandem account`,
          body: `Their account closes and their personal data is erased on ${formatInstantDay(effectiveAt)}, unless they change their mind. What the partnership must keep (grants, decisions, scores, proposals and projects) stays, shown as "${FORMER_MEMBER}". Anything they lead must be handed over before then.`,
          linkPath: paths.admin(partnership.slug),
        });
      }
      return { request, created: true };
    });
  } catch (error) {
    // Two requests at once: the partial unique index lets one through; the other returns it.
    const raced = await pendingErasure(db, subject.userId);
    if (raced) return { request: raced, created: false };
    throw error;
  }
}

/** The person changes their mind before the grace period ends. */
export async function withdrawErasure(db: Database, actor: Actor, now: Date = new Date()): Promise<ErasureView> {
  return db.$transaction(async (tx) => {
    const [request] = await tx.$queryRaw<{ id: string; state: ErasureState }[]>`
      SELECT "id", "state"::text AS "state" FROM "ErasureRequest" WHERE "userId" = ${actor.userId} AND "state" = 'REQUESTED' FOR UPDATE`;
    if (!request) throw new AppError("CONFLICT", "There is no request to close your account waiting, so there is nothing to withdraw.");
    const updated = await tx.erasureRequest.update({ where: { id: request.id }, data: { state: "WITHDRAWN", withdrawnAt: now }, select: VIEW });
    const name = actor.name?.trim() || actor.email;
    for (const partnership of await officersOf(tx, actor.userId)) {
      await recordAudit(tx, {
        partnershipId: partnership.partnershipId,
        actorId: actor.userId,
        action: "personal-data.erasure_withdrawn",
        subjectType: "User",
        subjectId: actor.userId,
        summary: `${name} withdrew their request to close their account`,
      });
      await notify(tx, {
        userIds: partnership.officerIds,
        actorId: actor.userId,
        partnershipId: partnership.partnershipId,
        kind: "MEMBER_LEAVING",
        title: `${name} is staying: they withdrew their request to close their account`,
        linkPath: paths.admin(partnership.slug),
      });
    }
    return updated;
  });
}

export type ErasureOutcome = { erased: true; partnerships: number } | { erased: false; reason: string };

/**
 * Carries out a waiting request whose grace period is over: in one transaction, so a failure
 * leaves everything as it was. Refused (AppError) when something would be left without a lead.
 */
export async function carryOutErasure(db: Database, requestId: string, now: Date = new Date()): Promise<ErasureOutcome> {
  const request = await db.erasureRequest.findUnique({ where: { id: requestId }, include: { user: { select: { id: true, name: true, email: true, organisationId: true } } } });
  if (!request) return { erased: false, reason: "The request no longer exists." };
  if (request.state !== "REQUESTED") return { erased: false, reason: `The request was ${request.state.toLowerCase()}.` };
  if (request.effectiveAt.getTime() > now.getTime()) return { erased: false, reason: "The grace period has not ended." };
  const person = request.user;
  const name = person.name?.trim() || person.email;
  const refusalLead = `Before ${name}'s account can be closed,`;
  await checkErasureAllowed(db, person.id, refusalLead);

  // Places at events still to come are given up first, so the waiting list moves up as usual.
  const actor: Actor = { userId: person.id, name: person.name, email: person.email, organisationId: person.organisationId };
  const upcoming = await db.eventRsvp.findMany({
    where: { userId: person.id, status: { in: ["GOING", "WAITING"] }, event: { startsAt: { gt: now } } },
    select: { eventId: true },
  });
  for (const rsvp of upcoming) await cancelRsvp(db, actor, rsvp.eventId, now);

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('tandem.erasure', 'on', true)`;
      const [locked] = await tx.$queryRaw<{ state: ErasureState }[]>`SELECT "state"::text AS "state" FROM "ErasureRequest" WHERE "id" = ${requestId} FOR UPDATE`;
      if (locked?.state !== "REQUESTED") return { erased: false as const, reason: "The request was withdrawn meanwhile." };

      const partnerships = await leaveEveryPartnership(tx, person.id, name, refusalLead);
      for (const partnership of partnerships) {
        await recordAudit(tx, {
          partnershipId: partnership.partnershipId,
          actorId: person.id,
          action: "personal-data.erased",
          subjectType: "User",
          subjectId: person.id,
          summary: `Closed a member's account and erased their personal data at their request; what the partnership keeps is shown as "${FORMER_MEMBER}"`,
        });
      }

      const userId = person.id;
      await tx.session.deleteMany({ where: { userId } });
      await tx.account.deleteMany({ where: { userId } });
      await tx.calendarFeed.deleteMany({ where: { userId } });
      // Their downloadable copies hold everything above.
      await tx.personalDataExport.deleteMany({ where: { userId } });
      await tx.verificationToken.deleteMany({ where: { identifier: person.email } });
      await tx.notification.deleteMany({ where: { userId } });
      await tx.invitation.deleteMany({ where: { email: { equals: person.email, mode: "insensitive" }, acceptedAt: null } });
      await tx.connection.deleteMany({ where: { OR: [{ fromUserId: userId }, { toUserId: userId }] } });
      await tx.joinRequest.updateMany({ where: { userId }, data: { message: null } });

      // What they wrote to others.
      await tx.thread.updateMany({ where: { authorId: userId }, data: { title: REMOVED_TEXT, body: REMOVED_TEXT } });
      await tx.reply.updateMany({ where: { authorId: userId }, data: { body: REMOVED_TEXT } });
      await tx.subGroupNote.updateMany({ where: { authorId: userId }, data: { title: REMOVED_TEXT, body: REMOVED_TEXT } });
      await tx.proposalComment.updateMany({ where: { authorId: userId }, data: { body: REMOVED_TEXT } });
      await tx.storyComment.updateMany({ where: { authorId: userId }, data: { body: REMOVED_TEXT } });
      await tx.story.updateMany({
        where: { authorId: userId },
        data: { title: "A story removed at its author's request", summary: "", body: REMOVED_TEXT, isPublic: false, status: "WITHDRAWN", returnNote: null },
      });
      await tx.surveyAnswer.updateMany({ where: { response: { respondentId: userId }, text: { not: null } }, data: { text: REMOVED_TEXT } });

      await tx.user.update({
        where: { id: userId },
        data: {
          name: FORMER_MEMBER,
          email: erasedEmail(userId),
          emailVerified: null,
          image: null,
          jobTitle: null,
          organisationId: null,
          bio: null,
          interests: [],
          phone: null,
          listedInDirectory: false,
          showEmail: false,
          showPhone: false,
          emailOnJoinRequests: false,
          emailOnDecisions: false,
          emailOnMentions: false,
          erasedAt: now,
        },
      });
      await replaceEverywhere(tx, { email: person.email, name: person.name });
      await tx.erasureRequest.update({ where: { id: requestId }, data: { state: "ERASED", erasedAt: now } });
      return { erased: true as const, partnerships: partnerships.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces a person's email address (any case) and full name (as whole words, as written)
 * in every text, text-array and JSON column of every table: audit summaries, activity lines,
 * other people's notifications, ledger reasons, revisions. A one-word name is left where it is
 * not theirs, since it would also match ordinary words; their own fields are cleared above.
 */
async function replaceEverywhere(tx: Tx, person: { email: string; name: string | null }) {
  const columns = await tx.$queryRaw<{ table: string; column: string; kind: "text" | "array" | "json" | "jsonb" }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column",
      CASE WHEN c.data_type = 'ARRAY' THEN 'array' WHEN c.data_type IN ('json', 'jsonb') THEN c.data_type ELSE 'text' END AS "kind"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'
      AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
    ORDER BY c.table_name, c.column_name`;
  const passes: { pattern: string; flags: string; replacement: string }[] = [{ pattern: escapeRegex(person.email), flags: "gi", replacement: REMOVED_EMAIL }];
  const fullName = person.name?.trim().replace(/\s+/g, " ");
  if (fullName && fullName.includes(" ")) passes.push({ pattern: `\\m${escapeRegex(fullName).replace(/ /g, "\\s+")}\\M`, flags: "g", replacement: FORMER_MEMBER });

  for (const { pattern, flags, replacement } of passes) {
    const matches = flags.includes("i") ? "~*" : "~";
    for (const { table, column, kind } of columns) {
      const t = `"${table.replace(/"/g, '""')}"`;
      const c = `"${column.replace(/"/g, '""')}"`;
      const sql =
        kind === "text"
          ? `UPDATE ${t} SET ${c} = regexp_replace(${c}, $1, $2, $3) WHERE ${c} ${matches} $1`
          : kind === "array"
            ? `UPDATE ${t} SET ${c} = ARRAY(SELECT regexp_replace(x, $1, $2, $3) FROM unnest(${c}) AS x) WHERE array_to_string(${c}, ' ') ${matches} $1`
            : `UPDATE ${t} SET ${c} = regexp_replace(${c}::text, $1, $2, $3)::${kind} WHERE ${c}::text ${matches} $1`;
      await tx.$executeRawUnsafe(sql, pattern, replacement, flags);
    }
  }
}

/**
 * The "people.erasure" job: carries the request out, or, when something the person leads has
 * not been handed over yet, tells them (with what) and their officers, and tries again the
 * next day. Nothing is half done either way.
 */
export async function runErasureJob(db: Database, requestId: string, now: Date = new Date()): Promise<ErasureOutcome | { erased: false; postponedUntil: string }> {
  try {
    return await carryOutErasure(db, requestId, now);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "CONFLICT") throw error;
    const request = await db.erasureRequest.findUniqueOrThrow({ where: { id: requestId }, include: { user: { select: { name: true, email: true } } } });
    const name = request.user.name?.trim() || request.user.email;
    const retryAt = new Date(now.getTime() + DAY_MS);
    await db.$transaction(async (tx) => {
      await notify(tx, {
        userIds: [request.userId],
        actorId: null,
        partnershipId: null,
        kind: "MEMBER_LEAVING",
        title: "Your account could not be closed yet",
        body: `${error.userMessage.replace(`Before ${name}'s account can be closed,`, "Before your account can be closed,")} Tandem tries again every day; you can also withdraw your request on your account page.`,
        linkPath: paths.account(),
      });
      for (const partnership of await officersOf(tx, request.userId)) {
        await notify(tx, {
          userIds: partnership.officerIds,
          actorId: null,
          partnershipId: partnership.partnershipId,
          kind: "MEMBER_LEAVING",
          title: `${name}'s account could not be closed yet`,
          body: "Something they lead (a sub-group, a project, an open proposal, or the partnership as its only officer) needs someone else to take it on first. Tandem tries again every day.",
          linkPath: paths.admin(partnership.slug),
        });
      }
      await enqueueJob(tx, { kind: "people.erasure", payload: { requestId }, onceKey: `erasure:${requestId}:${retryAt.toISOString().slice(0, 10)}`, runAfter: retryAt, maxAttempts: 5 });
    });
    return { erased: false, postponedUntil: retryAt.toISOString() };
  }
}
