import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createSession, resolveActor } from "@/server/auth/session";
import { countingDatabase } from "./support/counting-database";
import { withTestDatabase } from "./support/database";
import { fundedProject, fundWorld, grantAward, isoDay, subGroupWorld, submitUpdate, updateInput } from "./support/worlds";

const database = withTestDatabase();

/**
 * How much work a page does, counted in SQL statements and the rows they return (no
 * timings): the same calls the pages make, through one caller per request as a page's
 * server components share one (server/api/server-caller.ts), on a client that counts.
 */

/** A project with a lead, a report in, a payment, and an officer who may manage its team. */
async function projectWorld() {
  const { db } = database;
  const w = await subGroupWorld(db);
  const { people } = w;
  const { fund } = await fundWorld(w, { by: people.officer, round: null });
  const award = await grantAward(w, { by: people.officer, fund, amountPence: 100_000 });
  const project = await fundedProject(w, {
    by: people.officer,
    award,
    startsOn: isoDay(-100),
    endsOn: isoDay(140),
    reportingFrequency: "MONTHLY",
    leadUserId: people.member.userId,
  });
  await submitUpdate(w, people.member, updateInput(project.id, project.periods[0]!.id));
  const { sessionToken } = await createSession(db, people.officer.userId);
  return { w, project, sessionToken };
}

/** One request as the page makes it: the session, then every API call the layout and page make. */
async function measure(counting: ReturnType<typeof countingDatabase>, sessionToken: string, load: (api: ReturnType<typeof createCaller>) => Promise<unknown>) {
  counting.reset();
  const actor = await resolveActor(counting.db, sessionToken);
  expect(actor).not.toBeNull();
  await load(createCaller({ db: counting.db, actor, grants: new Map() }));
  return { statements: counting.statements.length, rows: counting.rows };
}

describe("the work a page does", () => {
  it("the project page reads the same rows in the same statements however many people join the partnership", async () => {
    const { w, project, sessionToken } = await projectWorld();
    const counting = countingDatabase(database.url);
    try {
      // What app/p/[slug]/layout.tsx and app/p/[slug]/projects/[projectId]/page.tsx call.
      const page = (api: ReturnType<typeof createCaller>) =>
        Promise.all([
          api.partnership.viewer({ partnershipSlug: w.slug }),
          api.project.get({ projectId: project.id }),
          api.project.timeline({ projectId: project.id }),
          api.story.list({ partnershipSlug: w.slug, projectId: project.id, limit: 10 }),
        ]);
      const before = await measure(counting, sessionToken, page);
      await w.crowd(500);
      const after = await measure(counting, sessionToken, page);

      expect(after).toEqual(before);
      // Each call's policy check is resolved once per request, not once per call.
      const grants = counting.statements.filter((statement) => /"Membership"/.test(statement.sql));
      expect(grants).toHaveLength(2); // the partnership's (layout, stories) and the project's (get, timeline)
      expect(before.statements).toBeLessThanOrEqual(32);
      expect(before.rows).toBeLessThan(60);
    } finally {
      await counting.close();
    }
  });

  it("a page of the project list is one statement after the policy, returning only that page's rows", async () => {
    const { w, sessionToken } = await projectWorld();
    const counting = countingDatabase(database.url);
    try {
      const list = (api: ReturnType<typeof createCaller>) => api.project.list({ partnershipSlug: w.slug, limit: 10 });
      const before = await measure(counting, sessionToken, list);
      await w.crowd(500);
      const after = await measure(counting, sessionToken, list);
      expect(after).toEqual(before);
      // The session, the membership of the partnership, the page.
      expect(counting.statements.map((statement) => statement.rows)).toEqual([1, 1, 1]);
    } finally {
      await counting.close();
    }
  });

  it("the partnership's overview counts its members without reading them", async () => {
    const { w, sessionToken } = await projectWorld();
    const counting = countingDatabase(database.url);
    try {
      let memberCount = 0;
      const overview = async (api: ReturnType<typeof createCaller>) => {
        memberCount = (await api.partnership.overview({ partnershipSlug: w.slug })).memberCount;
      };
      const before = await measure(counting, sessionToken, overview);
      const countBefore = memberCount;
      await w.crowd(500);
      const after = await measure(counting, sessionToken, overview);
      expect(memberCount).toBe(countBefore + 500);
      expect(after.statements).toBe(before.statements);
      expect(after.rows).toBe(before.rows);
    } finally {
      await counting.close();
    }
  });
});
