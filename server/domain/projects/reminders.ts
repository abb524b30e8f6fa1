import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { notify } from "@/server/domain/notifications/notify";
import { addDays, calendarDay, DUE_SOON_DAYS, reportState } from "@/lib/projects/schedule";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/uk-time";

/** Projects still reporting: a decided project is owed no more updates. */
const REPORTING: Prisma.FundedProjectWhereInput = { status: { in: ["ACTIVE", "EVALUATING"] } };
/** A period is answered by an update that was submitted (and not returned) or accepted. */
const UNANSWERED: Prisma.ReportingPeriodWhereInput = {
  acceptedUpdateId: null,
  updates: { none: { status: { in: ["SUBMITTED", "ACCEPTED"] } } },
};

type Reminder = "DUE_SOON" | "OVERDUE";

type Candidate = {
  id: string;
  sequence: number;
  startsOn: Date;
  endsOn: Date;
  dueOn: Date;
  dueSoonRemindedAt: Date | null;
  overdueRemindedAt: Date | null;
  project: { id: string; name: string; partnershipId: string; partnership: { slug: string }; team: { userId: string }[] };
};

/** Which reminder a period is owed at `now`, if any. */
function owedReminder(period: Candidate, now: Date): Reminder | null {
  const state = reportState(period, null, now);
  if (state === "OVERDUE" && period.overdueRemindedAt === null) return "OVERDUE";
  if (state === "DUE_SOON" && period.dueSoonRemindedAt === null) return "DUE_SOON";
  return null;
}

/**
 * Claims the period's reminder and tells its team, in one transaction. The claim is an
 * update that only matches while the reminder is unsent, so when several instances run at
 * once exactly one of them sees a row change and notifies; the others do nothing.
 * An overdue reminder also marks "due soon" as sent: a period that went straight to
 * overdue must never get a late "due soon" afterwards.
 */
async function remind(db: Database, period: Candidate, reminder: Reminder, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const unsent: Prisma.ReportingPeriodWhereInput =
      reminder === "OVERDUE" ? { overdueRemindedAt: null } : { dueSoonRemindedAt: null };
    const claimed = await tx.reportingPeriod.updateMany({
      where: { id: period.id, ...unsent, ...UNANSWERED, project: REPORTING },
      data: reminder === "OVERDUE" ? { overdueRemindedAt: now } : { dueSoonRemindedAt: now },
    });
    if (claimed.count !== 1) return false;
    if (reminder === "OVERDUE") {
      await tx.reportingPeriod.updateMany({ where: { id: period.id, dueSoonRemindedAt: null }, data: { dueSoonRemindedAt: now } });
    }

    const { project } = period;
    const due = formatDay(period.dueOn);
    await notify(tx, {
      userIds: project.team.map((member) => member.userId),
      partnershipId: project.partnershipId,
      kind: "PROGRESS_UPDATE_DUE",
      title:
        reminder === "OVERDUE"
          ? `Your update for "${project.name}" is overdue (due ${due})`
          : `Your update for "${project.name}" is due on ${due}`,
      body: `Period ${period.sequence}: ${formatDay(period.startsOn)} to ${formatDay(period.endsOn)}.`,
      linkPath: paths.project(project.partnership.slug, project.id),
    });
    return true;
  });
}

/**
 * Reminds each project's lead and team about progress updates: once when an update is due
 * soon, once when it is overdue. The notifications reach people by email through the
 * digest, so someone in several projects gets one email listing them all.
 *
 * Only periods that could be owed a reminder are read: due within DUE_SOON_DAYS of today
 * (the dueOn index), still unanswered, in a project still reporting. Safe to run from
 * several instances at once. Returns how many periods were reminded of each.
 */
export async function sendProjectReminders(db: Database, now: Date): Promise<{ dueSoon: number; overdue: number }> {
  const today = calendarDay(now);
  const candidates: Candidate[] = await db.reportingPeriod.findMany({
    where: {
      dueOn: { lte: addDays(today, DUE_SOON_DAYS) },
      OR: [{ dueSoonRemindedAt: null }, { overdueRemindedAt: null, dueOn: { lt: today } }],
      ...UNANSWERED,
      project: REPORTING,
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      sequence: true,
      startsOn: true,
      endsOn: true,
      dueOn: true,
      dueSoonRemindedAt: true,
      overdueRemindedAt: true,
      project: {
        select: {
          id: true,
          name: true,
          partnershipId: true,
          partnership: { select: { slug: true } },
          team: { select: { userId: true } },
        },
      },
    },
  });

  const sent = { dueSoon: 0, overdue: 0 };
  for (const period of candidates) {
    const reminder = owedReminder(period, now);
    if (!reminder) continue;
    if (await remind(db, period, reminder, now)) {
      if (reminder === "OVERDUE") sent.overdue += 1;
      else sent.dueSoon += 1;
    }
  }
  return sent;
}
