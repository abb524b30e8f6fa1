import { paths } from "@/lib/paths";
import { SECTOR_SHORT_LABELS } from "@/lib/sectors";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { ImportBatch, Prisma } from "@/server/db/generated/client";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { sendEmail } from "@/server/domain/email/send-email";
import { INVITATION_VALID_DAYS } from "@/server/domain/invitations/invitations";
import { invitationEmail, invitationUrl } from "@/server/domain/invitations/invitation-email";
import { hashInvitationToken, newInvitationToken } from "@/server/domain/invitations/invitation-token";
import { displayName } from "@/server/domain/partnerships/administration";
import { AppError, notFound } from "@/server/errors";
import { JobFailure, type JobContext } from "@/server/jobs/kinds";
import { enqueueJob } from "@/server/jobs/queue";
import { describeForLog, log } from "@/server/log";
import { configuredOrigin } from "@/server/site-address";
import { checkImportRows, loadImportContext, organisationKey, type ImportRow } from "./check-rows";
import { importBatchTransition } from "./lifecycle";
import { parseImportFile } from "./parse-file";

/**
 * Importing members from a spreadsheet: the file is read and every row checked into a
 * PREVIEWED batch (nothing else is written); confirming creates the organisations and
 * invitations from exactly the stored rows, all in one transaction, and queues one job that
 * emails them (invitations.batch), each invitation at most once.
 */

export const INVITATIONS_BATCH_JOB = "invitations.batch";
const onceKeyFor = (batchId: string) => `${INVITATIONS_BATCH_JOB}:${batchId}`;

const rowsOf = (batch: Pick<ImportBatch, "rows">) => batch.rows as unknown as ImportRow[];

/** Reads and checks an uploaded file, and stores what the officer will be shown. */
export async function previewImport(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { fileName: string; content: Uint8Array },
) {
  const parsed = await parseImportFile(input.content);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message, { file: [parsed.message] });
  const rows = checkImportRows(parsed.rows, await loadImportContext(db, partnershipId, parsed.rows));
  const batch = await db.importBatch.create({
    data: {
      partnershipId,
      createdById: actor.userId,
      fileName: input.fileName,
      rowCount: rows.length,
      problemRowCount: rows.filter((row) => row.problems.length > 0).length,
      rows: rows as unknown as Prisma.InputJsonValue,
    },
    select: { id: true, rowCount: true, problemRowCount: true },
  });
  return batch;
}

async function sendingProgress(db: Database, batch: Pick<ImportBatch, "id" | "state">) {
  if (batch.state === "PREVIEWED" || batch.state === "CANCELLED") return { emailedCount: 0, sendingFailed: false };
  const [emailed, job] = await Promise.all([
    db.invitation.count({ where: { importBatchId: batch.id, emailQueued: false } }),
    db.backgroundJob.findUnique({ where: { onceKey: onceKeyFor(batch.id) }, select: { state: true } }),
  ]);
  return { emailedCount: emailed, sendingFailed: job?.state === "FAILED" };
}

/** How far sending has got, for the page to ask every few seconds (without the rows). */
export async function getImportProgress(db: Database, partnershipId: string, batchId: string) {
  const batch = await db.importBatch.findFirst({ where: { id: batchId, partnershipId }, select: { id: true, state: true, invitedCount: true } });
  if (!batch) throw notFound("That import");
  return { state: batch.state, invitedCount: batch.invitedCount, ...(await sendingProgress(db, batch)) };
}

/** What the preview shows: the stored rows with their problems, and how far sending has got. */
export async function getImportBatch(db: Database, partnershipId: string, batchId: string) {
  const batch = await db.importBatch.findFirst({ where: { id: batchId, partnershipId } });
  if (!batch) throw notFound("That import");
  const progress = await sendingProgress(db, batch);
  return {
    id: batch.id,
    fileName: batch.fileName,
    state: batch.state,
    rowCount: batch.rowCount,
    problemRowCount: batch.problemRowCount,
    readyRowCount: batch.rowCount - batch.problemRowCount,
    invitedCount: batch.invitedCount,
    organisationsAddedCount: batch.organisationsAddedCount,
    ...progress,
    createdAt: batch.createdAt,
    confirmedAt: batch.confirmedAt,
    sentAt: batch.sentAt,
    rows: rowsOf(batch).map((row) => ({
      row: row.row,
      email: row.email,
      name: row.name,
      organisation: row.organisation,
      organisationNote: row.newOrganisation
        ? `${batch.state === "CONFIRMED" || batch.state === "SENT" ? (row.problems.length ? "not added" : "added") : "will be added"} (${SECTOR_SHORT_LABELS[row.newOrganisation.sector]} sector)`
        : null,
      sector: row.sector,
      role: row.role,
      locality: row.locality,
      problems: row.problems,
    })),
  };
}

/** Locks the batch row for the rest of the transaction, so two confirms (or a confirm and a cancel) run one after the other. */
async function lockBatch(tx: Prisma.TransactionClient, partnershipId: string, batchId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ImportBatch" WHERE "id" = ${batchId} AND "partnershipId" = ${partnershipId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("That import");
  return tx.importBatch.findUniqueOrThrow({ where: { id: batchId } });
}

const changedSincePreview = () =>
  new AppError(
    "CONFLICT",
    "Something changed since the preview: someone in the file has joined or been invited in the meantime. Upload the file again to see an up-to-date preview.",
  );

/**
 * Creates the batch's organisations and invitations, all or nothing, and queues the job that
 * emails them. Rows with problems stop the confirm unless the officer chose to skip them.
 */
export async function confirmImport(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { batchId: string; skipRowsWithProblems: boolean },
  origin?: string,
) {
  try {
    return await db.$transaction(
      async (tx) => {
        const batch = await lockBatch(tx, partnershipId, input.batchId);
        const state = importBatchTransition(batch.state, "CONFIRM");
        const rows = rowsOf(batch);
        const ready = rows.filter((row) => row.problems.length === 0);
        if (batch.problemRowCount > 0 && !input.skipRowsWithProblems) {
          throw new AppError(
            "PRECONDITION_FAILED",
            `${batch.problemRowCount} ${batch.problemRowCount === 1 ? "row has a problem" : "rows have problems"}. Fix the file and upload it again, or choose to skip ${batch.problemRowCount === 1 ? "that row" : "those rows"}.`,
          );
        }
        if (ready.length === 0) throw new AppError("PRECONDITION_FAILED", "No row of this file is ready to invite. Fix the file and upload it again.");

        // Nobody may have joined or been invited since the preview.
        const now = await loadImportContext(tx, partnershipId, ready.map((row) => ({ email: row.email, organisation: row.organisation ?? "" })));
        if (ready.some((row) => now.memberEmails.has(row.email) || now.invitedEmails.has(row.email))) throw changedSincePreview();

        const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true, name: true } });

        // Organisations: new ones are added once each; every one named is linked to the partnership.
        const organisationIds = new Map<string, string>();
        let added = 0;
        for (const row of ready) {
          if (!row.organisation) continue;
          const name = organisationKey(row.organisation);
          if (organisationIds.has(name)) continue;
          let organisationId = row.organisationId ?? now.organisations.get(name)?.id ?? null;
          if (!organisationId && row.newOrganisation) {
            const created = await tx.organisation.create({
              data: { name: row.organisation, sector: row.newOrganisation.sector, type: row.newOrganisation.type },
              select: { id: true },
            });
            organisationId = created.id;
            added += 1;
          }
          if (!organisationId) continue;
          organisationIds.set(name, organisationId);
          await tx.partnershipOrganisation.createMany({
            data: [{ partnershipId, organisationId, localityId: row.localityId }],
            skipDuplicates: true,
          });
        }

        // Each invitation gets its working link when the job emails it: until then its token is one nobody holds.
        const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
        await tx.invitation.createMany({
          data: ready.map((row) => ({
            partnershipId,
            email: row.email,
            role: row.role,
            tokenHash: hashInvitationToken(newInvitationToken()),
            invitedById: actor.userId,
            expiresAt,
            importBatchId: batch.id,
            emailQueued: true,
            organisationId: row.organisation ? (organisationIds.get(organisationKey(row.organisation)) ?? null) : null,
          })),
        });
        await recordActivity(tx, {
          partnershipId,
          actorId: actor.userId,
          kind: "MEMBER_INVITED",
          summary: `${displayName(actor)} invited ${ready.length} ${ready.length === 1 ? "person" : "people"} from a spreadsheet (${batch.fileName})`,
          linkPath: paths.admin(partnership.slug),
        });
        await enqueueJob(tx, {
          kind: INVITATIONS_BATCH_JOB,
          onceKey: onceKeyFor(batch.id),
          partnershipId,
          payload: { batchId: batch.id, ...(origin ? { origin } : {}) },
          maxAttempts: 5,
        });
        return tx.importBatch.update({
          where: { id: batch.id },
          data: { state, confirmedAt: new Date(), invitedCount: ready.length, organisationsAddedCount: added },
          select: { id: true, state: true, invitedCount: true, organisationsAddedCount: true },
        });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // An invitation to the same address was sent a moment ago (the partial unique index).
    if (isUniqueViolation(error)) throw changedSincePreview();
    throw error;
  }
}

/** Drops a previewed import: nothing was created from it, and nothing will be. */
export async function cancelImport(db: Database, partnershipId: string, input: { batchId: string }) {
  return db.$transaction(async (tx) => {
    const batch = await lockBatch(tx, partnershipId, input.batchId);
    const state = importBatchTransition(batch.state, "CANCEL");
    return tx.importBatch.update({ where: { id: batch.id }, data: { state, cancelledAt: new Date() }, select: { id: true, state: true } });
  });
}

/**
 * The batch job: emails every invitation of the batch that still waits for its email, each
 * in its own transaction that gives it a fresh link and marks it sent only when the email
 * has gone. Running it again (a retry, a second worker) sends only what is still waiting.
 */
export async function sendBatchInvitations({ db, env, job, reportProgress }: Pick<JobContext, "db" | "env" | "job" | "reportProgress">) {
  const payload = job.payload as { batchId?: string; origin?: string };
  const batch = payload.batchId
    ? await db.importBatch.findUnique({
        where: { id: payload.batchId },
        select: { id: true, state: true, partnership: { select: { name: true } }, createdBy: { select: { name: true, email: true } } },
      })
    : null;
  if (!batch) throw new JobFailure("The import this job sends invitations for no longer exists.");
  if (batch.state === "SENT") return { sent: 0, failed: 0 };
  const origin = payload.origin ?? configuredOrigin(env);
  const inviterName = displayName(batch.createdBy);
  const total = await db.invitation.count({ where: { importBatchId: batch.id } });
  const waiting = await db.invitation.findMany({
    where: { importBatchId: batch.id, emailQueued: true },
    select: { id: true, email: true, role: true },
    orderBy: { createdAt: "asc" },
  });
  let done = total - waiting.length;
  let sent = 0;
  let failed = 0;
  await reportProgress({ done, total });
  for (const invitation of waiting) {
    const token = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
    try {
      const claimed = await db.$transaction(
        async (tx) => {
          // Only one run can take an invitation off the queue; a withdrawn one is not emailed.
          const { count } = await tx.invitation.updateMany({
            where: { id: invitation.id, emailQueued: true },
            data: { emailQueued: false, tokenHash: hashInvitationToken(token), expiresAt, lastSentAt: new Date() },
          });
          if (count !== 1) return false;
          const open = await tx.invitation.count({ where: { id: invitation.id, acceptedAt: null, revokedAt: null } });
          if (open === 1) {
            await sendEmail(
              db,
              invitationEmail({ to: invitation.email, url: invitationUrl(token, origin), partnershipName: batch.partnership.name, inviterName, role: invitation.role, expiresAt }),
              env,
            );
          }
          return true;
        },
        { timeout: 30_000, maxWait: 10_000 },
      );
      if (claimed) sent += 1;
      done += 1;
    } catch (error) {
      failed += 1;
      log.warn({ jobId: job.id, invitationId: invitation.id, err: describeForLog(error) }, "an imported invitation could not be emailed");
    }
    await reportProgress({ done, total });
  }
  if (failed > 0) {
    throw new JobFailure(`${failed} of ${total} invitation ${total === 1 ? "email" : "emails"} could not be sent: the email server refused them or did not answer. They are tried again.`);
  }
  await db.importBatch.updateMany({ where: { id: batch.id, state: "CONFIRMED" }, data: { state: importBatchTransition("CONFIRMED", "FINISH"), sentAt: new Date() } });
  return { sent, failed };
}
