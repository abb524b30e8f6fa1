import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { sendDueDigests } from "@/server/domain/notifications/digest";
import { sendProjectReminders } from "@/server/domain/projects/reminders";
import { parseEnv } from "@/server/env";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { fundedProject, fundWorld, grantAward, partnershipWorld, submitUpdate, updateInput } from "./support/worlds";

/**
 * Each test has a database of its own: reminders are for every project in the database,
 * and the counts a run returns are part of what is tested.
 */
let current: TestDatabase | undefined;
beforeEach(async () => {
  current = await createTestDatabase();
});
afterEach(async () => {
  await current?.drop();
  current = undefined;
});
const database = () => current!.db;

const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org" });
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (iso: string) => new Date(iso);

/*
 * The project runs through the first half of 2030 and reports quarterly:
 * period 1 is January to March, its update due on 14 April 2030 (the whole of that day);
 * period 2 is April to June, due on 14 July 2030.
 */
const PERIOD_1_DUE = at("2030-04-14T00:00:00Z");
const EIGHT_DAYS_BEFORE = at("2030-04-06T23:59:59.999Z");
const SEVEN_DAYS_BEFORE = at("2030-04-07T00:00:00Z");
const LAST_MOMENT_DUE = at("2030-04-14T23:59:59.999Z");
const FIRST_MOMENT_LATE = at("2030-04-15T00:00:00Z");

/** A partnership where Lena leads and Colin works on a project; Dev takes part but not in it; Fiona is the officer. */
async function world(db: Database) {
  const w = await partnershipWorld(db, {
    cast: {
      officer: { name: "Fiona Officer", organisation: "voluntary", role: "OFFICER" },
      lena: { name: "Lena Lead", organisation: "voluntary" },
      colin: { name: "Colin Member", organisation: "voluntary" },
      dev: { name: "Dev Bystander", organisation: "voluntary" },
    },
    organisations: { public: { linked: false } },
  });
  const { people } = w;
  const { fund } = await fundWorld(w, { by: people.officer, fund: { financialYear: "2029/30" }, round: null });

  /** A project funded from the fund, led by Lena with Colin in the team. */
  const project = async (name: string) => {
    const award = await grantAward(w, {
      by: people.officer,
      fund,
      projectName: name,
      recipientOrganisationId: w.organisations.voluntary.id,
      amountPence: 100_000,
      tranches: [{ amountPence: 100_000, dueOn: at("2030-01-01T00:00:00Z") }],
    });
    const { id, periods } = await fundedProject(w, {
      by: people.officer,
      award,
      startsOn: "2030-01-01",
      endsOn: "2030-06-30",
      reportingFrequency: "QUARTERLY",
      leadUserId: people.lena.userId,
      teamUserIds: [people.colin.userId],
    });
    const period1 = periods[0]!;
    expect(period1.sequence).toBe(1);
    expect(period1.dueOn).toEqual(PERIOD_1_DUE);
    return { id, period1 };
  };
  return { ...w, project };
}

type World = Awaited<ReturnType<typeof world>>;

/** The reminders each person has, as "name: title". */
async function remindersIn(db: Database, w: World) {
  const names = new Map(Object.values(w.people).map((actor) => [actor.userId, actor.name]));
  const rows = await db.notification.findMany({
    where: { kind: "PROGRESS_UPDATE_DUE" },
    orderBy: [{ createdAt: "asc" }, { title: "asc" }, { userId: "asc" }],
    select: { userId: true, title: true },
  });
  return rows.map((row) => `${names.get(row.userId) ?? row.userId}: ${row.title}`).sort();
}

const dueSoonTitle = (project: string) => `Your update for "${project}" is due on 14 April 2030`;
const overdueTitle = (project: string) => `Your update for "${project}" is overdue (due 14 April 2030)`;

describe("reminders for progress updates", () => {
  it("reminds the lead and team once when the update is due soon, and once when it is overdue", async () => {
    const db = database();
    const w = await world(db);
    const { id: projectId, period1 } = await w.project("Pharmacy check-ins");

    expect(await sendProjectReminders(db, EIGHT_DAYS_BEFORE)).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await remindersIn(db, w)).toEqual([]);

    expect(await sendProjectReminders(db, SEVEN_DAYS_BEFORE)).toEqual({ dueSoon: 1, overdue: 0 });
    const dueSoon = ["Colin Member", "Lena Lead"].map((name) => `${name}: ${dueSoonTitle("Pharmacy check-ins")}`);
    expect(await remindersIn(db, w)).toEqual(dueSoon);
    const reminder = await db.notification.findFirstOrThrow({ where: { kind: "PROGRESS_UPDATE_DUE", userId: w.people.lena.userId } });
    expect(reminder).toMatchObject({
      partnershipId: w.partnership.id,
      body: "Period 1: 1 January 2030 to 31 March 2030.",
      linkPath: `/p/${w.partnership.slug}/projects/${projectId}`,
    });
    expect(await db.reportingPeriod.findUniqueOrThrow({ where: { id: period1.id } })).toMatchObject({
      dueSoonRemindedAt: SEVEN_DAYS_BEFORE,
      overdueRemindedAt: null,
    });

    // Running again, at any time until the due day is over, sends nothing new.
    expect(await sendProjectReminders(db, SEVEN_DAYS_BEFORE)).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await sendProjectReminders(db, LAST_MOMENT_DUE)).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await remindersIn(db, w)).toEqual(dueSoon);

    expect(await sendProjectReminders(db, FIRST_MOMENT_LATE)).toEqual({ dueSoon: 0, overdue: 1 });
    const overdue = ["Colin Member", "Lena Lead"].map((name) => `${name}: ${overdueTitle("Pharmacy check-ins")}`);
    expect(await remindersIn(db, w)).toEqual([...dueSoon, ...overdue].sort());
    expect(await db.reportingPeriod.findUniqueOrThrow({ where: { id: period1.id } })).toMatchObject({
      dueSoonRemindedAt: SEVEN_DAYS_BEFORE,
      overdueRemindedAt: FIRST_MOMENT_LATE,
    });

    expect(await sendProjectReminders(db, FIRST_MOMENT_LATE)).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await sendProjectReminders(db, new Date(FIRST_MOMENT_LATE.getTime() + 30 * DAY))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await remindersIn(db, w)).toEqual([...dueSoon, ...overdue].sort());
    // Dev and the officer are in the partnership, not the project.
    const outsiders = [w.people.dev.userId, w.people.officer.userId];
    expect(await db.notification.count({ where: { kind: "PROGRESS_UPDATE_DUE", userId: { in: outsiders } } })).toBe(0);
  });

  it("sends a period that went straight to overdue only the overdue reminder, never a late 'due soon'", async () => {
    const db = database();
    const w = await world(db);
    const { period1 } = await w.project("Pharmacy check-ins");

    expect(await sendProjectReminders(db, FIRST_MOMENT_LATE)).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await remindersIn(db, w)).toEqual(["Colin Member", "Lena Lead"].map((name) => `${name}: ${overdueTitle("Pharmacy check-ins")}`));
    expect(await db.reportingPeriod.findUniqueOrThrow({ where: { id: period1.id } })).toMatchObject({
      dueSoonRemindedAt: FIRST_MOMENT_LATE,
      overdueRemindedAt: FIRST_MOMENT_LATE,
    });
    expect(await sendProjectReminders(db, new Date(FIRST_MOMENT_LATE.getTime() + DAY))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await remindersIn(db, w)).toHaveLength(2);
  });

  it("does not remind a team whose update is submitted, but does when it was sent back", async () => {
    const db = database();
    const w = await world(db);
    const { id: projectId, period1 } = await w.project("Pharmacy check-ins");
    const updateId = await submitUpdate(
      w,
      w.people.colin,
      updateInput(projectId, period1.id, { narrative: "Six pharmacies asking about caring." }),
    );

    expect(await sendProjectReminders(db, SEVEN_DAYS_BEFORE)).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await sendProjectReminders(db, FIRST_MOMENT_LATE)).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await remindersIn(db, w)).toEqual([]);

    await w.api(w.people.officer).project.reviewUpdate({ updateId, outcome: "RETURN", note: "Add the spend, please." });
    expect(await sendProjectReminders(db, FIRST_MOMENT_LATE)).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await remindersIn(db, w)).toEqual(["Colin Member", "Lena Lead"].map((name) => `${name}: ${overdueTitle("Pharmacy check-ins")}`));
  });

  it("reminds a project being evaluated, but not one the partnership has decided on", async () => {
    const db = database();
    const w = await world(db);
    const evaluating = await w.project("Evaluating project");
    const decided = await w.project("Decided project");
    await db.fundedProject.update({ where: { id: evaluating.id }, data: { status: "EVALUATING" } });
    await db.fundedProject.update({ where: { id: decided.id }, data: { status: "DECIDED" } });

    expect(await sendProjectReminders(db, SEVEN_DAYS_BEFORE)).toEqual({ dueSoon: 1, overdue: 0 });
    expect(await sendProjectReminders(db, FIRST_MOMENT_LATE)).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await remindersIn(db, w)).toEqual(
      ["Colin Member", "Lena Lead"]
        .flatMap((name) => [`${name}: ${dueSoonTitle("Evaluating project")}`, `${name}: ${overdueTitle("Evaluating project")}`])
        .sort(),
    );
    expect(await db.reportingPeriod.findUniqueOrThrow({ where: { id: decided.period1.id } })).toMatchObject({
      dueSoonRemindedAt: null,
      overdueRemindedAt: null,
    });
  });

  it("never reminds twice when two runs happen at once", async () => {
    const db = database();
    const w = await world(db);
    await w.project("Pharmacy check-ins");
    await w.project("Falls prevention");

    const dueSoonRuns = await Promise.all([
      sendProjectReminders(db, SEVEN_DAYS_BEFORE),
      sendProjectReminders(db, SEVEN_DAYS_BEFORE),
    ]);
    expect(dueSoonRuns[0]!.dueSoon + dueSoonRuns[1]!.dueSoon).toBe(2);
    const overdueRuns = await Promise.all([
      sendProjectReminders(db, FIRST_MOMENT_LATE),
      sendProjectReminders(db, FIRST_MOMENT_LATE),
    ]);
    expect(overdueRuns[0]!.overdue + overdueRuns[1]!.overdue).toBe(2);
    expect(dueSoonRuns[0]!.overdue + dueSoonRuns[1]!.overdue + overdueRuns[0]!.dueSoon + overdueRuns[1]!.dueSoon).toBe(0);

    expect(await remindersIn(db, w)).toEqual(
      ["Colin Member", "Lena Lead"]
        .flatMap((name) =>
          ["Falls prevention", "Pharmacy check-ins"].flatMap((project) => [
            `${name}: ${dueSoonTitle(project)}`,
            `${name}: ${overdueTitle(project)}`,
          ]),
        )
        .sort(),
    );
  });

  it("reaches people by email in the digest: one email for all their projects' reminders", async () => {
    const db = database();
    const w = await world(db);
    await w.project("Pharmacy check-ins");
    await w.project("Falls prevention");
    // What the project set-up told them has gone out already.
    await db.notification.updateMany({ data: { emailedAt: new Date() } });

    expect(await sendProjectReminders(db, SEVEN_DAYS_BEFORE)).toEqual({ dueSoon: 2, overdue: 0 });
    const digestAt = new Date(SEVEN_DAYS_BEFORE.getTime() + MINUTE);
    const run = await sendDueDigests(db, digestAt, env);
    expect(run).toMatchObject({ emailsSent: 2, notificationsEmailed: 4, failed: 0 });

    for (const person of [w.people.lena, w.people.colin]) {
      const emails = await db.outboxEmail.findMany({ where: { to: person.email } });
      expect(emails).toHaveLength(1);
      expect(emails[0]!.subject).toBe("Tandem: 2 updates");
      expect(emails[0]!.text).toContain(`* ${dueSoonTitle("Pharmacy check-ins")}`);
      expect(emails[0]!.text).toContain(`* ${dueSoonTitle("Falls prevention")}`);
      expect(emails[0]!.text).toContain(`${w.partnership.name} · Period 1: 1 January 2030 to 31 March 2030.`);
    }
    for (const person of [w.people.dev, w.people.officer]) {
      expect(await db.outboxEmail.count({ where: { to: person.email } })).toBe(0);
    }
    expect(await db.notification.count({ where: { kind: "PROGRESS_UPDATE_DUE", emailedAt: digestAt } })).toBe(4);

    // The overdue reminders go out in the next digest; nothing is emailed twice.
    expect(await sendProjectReminders(db, FIRST_MOMENT_LATE)).toEqual({ dueSoon: 0, overdue: 2 });
    const later = await sendDueDigests(db, FIRST_MOMENT_LATE, env);
    expect(later).toMatchObject({ emailsSent: 2, notificationsEmailed: 4, failed: 0 });
    const lenasEmails = await db.outboxEmail.findMany({ where: { to: w.people.lena.email }, orderBy: { createdAt: "asc" } });
    expect(lenasEmails).toHaveLength(2);
    expect(lenasEmails[1]!.text).toContain(`* ${overdueTitle("Pharmacy check-ins")}`);
    expect(lenasEmails[1]!.text).not.toContain("is due on");
    expect(await sendDueDigests(db, new Date(FIRST_MOMENT_LATE.getTime() + DAY), env)).toMatchObject({ emailsSent: 0 });
  });
});
