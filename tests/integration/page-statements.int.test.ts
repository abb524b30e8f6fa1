import superjson from "superjson";
import { describe, expect, it, vi } from "vitest";
import { createCaller } from "@/server/api/root";
import { createSession, resolveActor } from "@/server/auth/session";
import { countingDatabase } from "./support/counting-database";
import { withTestDatabase } from "./support/database";
import { approvedProposal, daysAgo, fundedProject, fundWorld, grantAward, isoDay, subGroupWorld, submitUpdate, updateInput } from "./support/worlds";

const database = withTestDatabase();

// The API's route handler reads the process's database client; here, a counting one.
const routeDb = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/db/client")>()),
  getDb: () => routeDb.current,
}));

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

/**
 * A test that has run its course: awarded on a proposal with a history, reported on and
 * reviewed, evaluated by its lead and decided by the partnership, with a story about it.
 */
async function decidedProjectWorld() {
  const { db } = database;
  const w = await subGroupWorld(db);
  const { people } = w;
  const { fund, round } = await fundWorld(w, { by: people.officer });
  const proposal = await approvedProposal(w, { round, lead: people.member, coAuthors: [people.colleague], requestedPence: 100_000 });
  await db.proposalEvent.createMany({
    data: [
      { proposalId: proposal.id, kind: "CREATED", actorId: people.member.userId, summary: "Started", createdAt: daysAgo(60) },
      { proposalId: proposal.id, kind: "APPROVED", actorId: people.officer.userId, summary: "Approved", createdAt: daysAgo(20) },
    ],
  });
  const award = await grantAward(w, { by: people.officer, fund, proposal, amountPence: 100_000 });
  const project = await fundedProject(w, {
    by: people.officer,
    award,
    startsOn: isoDay(-200),
    endsOn: isoDay(-10),
    reportingFrequency: "QUARTERLY",
  });
  const lead = w.api(people.member);
  const officer = w.api(people.officer);
  const updateId = await submitUpdate(w, people.member, updateInput(project.id, project.periods[0]!.id));
  await officer.project.reviewUpdate({ updateId, outcome: "ACCEPT", note: "" });
  await lead.project.submitEvaluation({
    projectId: project.id,
    measureResults: [],
    costPence: 90_000,
    whatWorked: "Asking at the counter.",
    whatDidNot: "Weekend cover.",
    recommendation: "SCALE_UP",
  });
  await officer.project.decide({ projectId: project.id, outcome: "SCALE_UP", reasons: "It worked.", nextStep: "" });
  const story = await lead.story.create({
    partnershipSlug: w.slug,
    title: "Tea at the counter",
    summary: "",
    body: "Pharmacists asked carers how they were doing.",
    themes: ["CROSS_SYSTEM_KINDNESS"],
    isPublic: false,
    organisationIds: [w.organisations.voluntary.id],
    projectIds: [project.id],
  });
  await lead.story.submit({ storyId: story.id });
  await officer.story.moderate({ storyId: story.id, action: "PUBLISH", note: "" });
  const { sessionToken } = await createSession(db, people.officer.userId);
  return { w, project, sessionToken };
}

/** What app/p/[slug]/layout.tsx and app/p/[slug]/projects/[projectId]/page.tsx call. */
const projectPage = (slug: string, projectId: string) => (api: ReturnType<typeof createCaller>) =>
  Promise.all([
    api.partnership.viewer({ partnershipSlug: slug }),
    api.project.get({ projectId }),
    api.project.timeline({ projectId }),
    api.story.list({ partnershipSlug: slug, projectId, limit: 10 }),
  ]);

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
      const page = projectPage(w.slug, project.id);
      const before = await measure(counting, sessionToken, page);
      await w.crowd(500);
      const after = await measure(counting, sessionToken, page);

      expect(after).toEqual(before);
      // Each call's policy check is resolved once per request, not once per call.
      const grants = counting.statements.filter((statement) => /"Membership"/.test(statement.sql));
      expect(grants).toHaveLength(2); // the partnership's (layout, stories) and the project's (get, timeline)
      expect(before.statements).toBeLessThanOrEqual(15);
      expect(before.rows).toBeLessThan(60);
    } finally {
      await counting.close();
    }
  });

  it("a project with its whole history (a proposal, reviews, evaluation, decision, a story) still takes at most 15 statements", async () => {
    const { w, project, sessionToken } = await decidedProjectWorld();
    const counting = countingDatabase(database.url);
    try {
      const page = projectPage(w.slug, project.id);
      const before = await measure(counting, sessionToken, page);
      const actor = await resolveActor(database.db, sessionToken);
      const [, shown, timeline, stories] = await page(createCaller({ db: database.db, actor, grants: new Map() }));
      // It is the whole page: the evaluation, the decision, the proposal's history and the story.
      expect(shown.evaluation?.recommendation).toBe("SCALE_UP");
      expect(shown.decision?.decidedBy.name).toBe("Olu Officer");
      expect(timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(["CREATED", "APPROVED", "UPDATE_ACCEPTED", "EVALUATED", "DECIDED"]));
      expect(stories.items.map((story) => story.organisations.length)).toEqual([1]);
      await w.crowd(500);
      const after = await measure(counting, sessionToken, page);
      expect(after).toEqual(before);
      expect(before.statements).toBeLessThanOrEqual(15);
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

  it("a batched API request resolves the actor's part in the partnership once for all its calls", async () => {
    const { w, sessionToken } = await projectWorld();
    const counting = countingDatabase(database.url);
    const { GET } = await import("@/app/api/trpc/[trpc]/route");
    try {
      routeDb.current = counting.db;
      const calls: [string, unknown][] = [
        ["partnership.viewer", { partnershipSlug: w.slug }],
        ["project.mine", { partnershipSlug: w.slug }],
        ["project.list", { partnershipSlug: w.slug, limit: 10 }],
      ];
      const input = Object.fromEntries(calls.map(([, value], index) => [index, superjson.serialize(value)]));
      counting.reset();
      const response = await GET(
        new Request(`http://localhost/api/trpc/${calls.map(([name]) => name).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie: `next-auth.session-token=${sessionToken}` },
        }),
      );
      expect(response.status).toBe(200);
      const answers = (await response.json()) as { result?: { data: { json: unknown } } }[];
      expect(answers.map((answer) => answer.result !== undefined)).toEqual([true, true, true]);
      const memberships = counting.statements.filter((statement) => /"Membership"/.test(statement.sql));
      expect(memberships).toHaveLength(1);
    } finally {
      routeDb.current = undefined;
      await counting.close();
    }
  });
});
