import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { withTestDatabase } from "./support/database";
import { expectFailure, subGroupRowsOf } from "./support/expect";
import { createSubGroup, unique } from "./support/factories";
import { mutate } from "./support/http";
import { partnershipWorld } from "./support/worlds";

const database = withTestDatabase();

/** A partnership with an officer, a chair, a member, an observer, and an officer elsewhere. */
async function partnershipWithPeople(db: Database) {
  const p = await partnershipWorld(db, {
    cast: {
      officer: { name: "Olu Officer", organisation: "public", role: "OFFICER" },
      chair: { name: "Chris Chair", organisation: "public", role: "CHAIR" },
      member: { name: "Mo Member", organisation: "voluntary" },
      observer: { name: "Obi Observer", role: "OBSERVER" },
      outsider: { name: "Oscar Outsider", role: null, elsewhere: "OFFICER" },
    },
    tagNames: true,
    organisations: { voluntary: { name: "Carers Trust" } },
  });
  const create = (title: string, who: keyof typeof p.people = "officer") =>
    p.api(who).priorityArea.create({
      partnershipSlug: p.slug,
      title,
      description: `About ${title.trim()}`,
      outcomesSought: `Better ${title.trim()}`,
    });
  return { ...p, create };
}

/** A sub-group (asking to join needs approval) in the priority area. */
async function subGroupIn(db: Database, partnershipId: string, priorityAreaId: string, name: string) {
  const area = { partnershipId, id: priorityAreaId };
  return createSubGroup(db, area, { name: `${name} ${unique()}`, purpose: `Test ${name}`, joinPolicy: "APPROVAL" });
}

describe("creating and listing priority areas", () => {
  it("appends each new area at the end, records it, and lists areas in order with their sub-groups", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const carers = await p.create("  Unpaid carers  ");
    const mental = await p.create("Mental health", "chair");
    expect(carers.position).toBe(0);
    expect(mental.position).toBe(1);

    const activity = await db.activity.findMany({ where: { partnershipId: p.partnership.id }, orderBy: { createdAt: "asc" } });
    expect(activity.map((a) => [a.kind, a.summary, a.linkPath])).toEqual([
      ["PRIORITY_AREA_CREATED", `${p.people.officer.name} added the priority area Unpaid carers`, `/p/${p.slug}/priorities`],
      ["PRIORITY_AREA_CREATED", `${p.people.chair.name} added the priority area Mental health`, `/p/${p.slug}/priorities`],
    ]);

    const group = await subGroupIn(db, p.partnership.id, carers.id, "Short breaks");
    await db.subGroupMembership.createMany({
      data: [
        { subGroupId: group.id, userId: p.people.officer.userId, role: "LEAD" },
        { subGroupId: group.id, userId: p.people.member.userId, role: "MEMBER" },
        { subGroupId: group.id, userId: p.people.observer.userId, role: "MEMBER" },
      ],
    });
    const list = await p.api("member").priorityArea.list({ partnershipSlug: p.slug });
    expect(list.viewer).toEqual({ role: "MEMBER", canManagePriorityAreas: false, canCreateSubGroups: false });
    expect(list.priorityAreas.map((area) => area.title)).toEqual(["Unpaid carers", "Mental health"]);
    expect(list.priorityAreas[0]).toMatchObject({
      description: "About Unpaid carers",
      outcomesSought: "Better Unpaid carers",
      archived: false,
    });
    expect(list.priorityAreas[0]!.subGroups).toEqual([
      {
        id: group.id,
        name: group.name,
        purpose: group.purpose,
        joinPolicy: "APPROVAL",
        archived: false,
        memberCount: 3,
        sectorMix: { VOLUNTARY: 1, PUBLIC: 1, PRIVATE: 0, COMMUNITY: 0, INDIVIDUAL: 1 },
        myRole: "MEMBER",
        isMember: true,
        isLead: false,
        pendingRequest: null,
        canJoin: false,
      },
    ]);

    const officerView = await p.api("officer").priorityArea.list({ partnershipSlug: p.slug });
    expect(officerView.viewer).toEqual({ role: "OFFICER", canManagePriorityAreas: true, canCreateSubGroups: true });
    expect(officerView.priorityAreas[0]!.subGroups[0]).toMatchObject({ myRole: "LEAD", isLead: true, canJoin: false });

    const chairView = await p.api("chair").priorityArea.list({ partnershipSlug: p.slug });
    expect(chairView.priorityAreas[0]!.subGroups[0]).toMatchObject({ myRole: null, isMember: false, canJoin: true });
  });

  it("shows my pending request, and never offers observers a way to join", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const area = await p.create("Frailty");
    const group = await subGroupIn(db, p.partnership.id, area.id, "Falls");
    const request = await db.joinRequest.create({ data: { subGroupId: group.id, userId: p.people.chair.userId } });

    const chair = await p.api("chair").priorityArea.list({ partnershipSlug: p.slug });
    expect(chair.priorityAreas[0]!.subGroups[0]).toMatchObject({
      pendingRequest: { id: request.id, createdAt: request.createdAt },
      canJoin: false,
    });
    const observer = await p.api("observer").priorityArea.list({ partnershipSlug: p.slug });
    expect(observer.priorityAreas[0]!.subGroups[0]).toMatchObject({ pendingRequest: null, canJoin: false });
    const member = await p.api("member").priorityArea.list({ partnershipSlug: p.slug });
    expect(member.priorityAreas[0]!.subGroups[0]).toMatchObject({ pendingRequest: null, canJoin: true });
  });

  it("refuses a title another current area of the partnership uses (any case), with nothing written", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    await p.create("Unpaid carers");
    const before = await subGroupRowsOf(db, p.partnership.id);
    const response = await mutate(db, p.people.officer, "priorityArea.create", {
      partnershipSlug: p.slug,
      title: "UNPAID CARERS",
      description: "Again",
      outcomesSought: "Again",
    });
    expect(response.status).toBe(409);
    expect(response.body.error?.json.message).toBe('There is already a priority area called "Unpaid carers" in this partnership.');
    expect(response.body.error?.json.data.fieldErrors).toEqual({ title: ["Choose a title that no other current priority area uses"] });
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(before);

    // The same title in another partnership is fine.
    const other = await partnershipWithPeople(db);
    await expect(other.create("Unpaid carers")).resolves.toMatchObject({ title: "Unpaid carers" });
  });

  it("gives field-level messages for missing or too long details, and writes nothing", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const before = await subGroupRowsOf(db, p.partnership.id);
    const empty = await mutate(db, p.people.officer, "priorityArea.create", {
      partnershipSlug: p.slug,
      title: "  ",
      description: "",
      outcomesSought: "x".repeat(2_001),
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.json.data.fieldErrors).toEqual({
      title: ["Enter a title for the priority area"],
      description: ["Enter a short description"],
      outcomesSought: ["The outcomes sought must be 2,000 characters or fewer"],
    });
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(before);
  });

  it("lets only officers and chairs shape priority areas; members and outsiders are refused with nothing written", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const area = await p.create("Housing");
    const before = await subGroupRowsOf(db, p.partnership.id);
    await expectFailure(p.create("Loneliness", "member"), "FORBIDDEN");
    await expectFailure(p.create("Loneliness", "observer"), "FORBIDDEN");
    await expectFailure(p.create("Loneliness", "outsider"), "NOT_FOUND");
    await expectFailure(p.api("member").priorityArea.archive({ priorityAreaId: area.id }), "FORBIDDEN");
    await expectFailure(p.api("outsider").priorityArea.move({ priorityAreaId: area.id, direction: "down" }), "NOT_FOUND");
    await expectFailure(p.api("member").priorityArea.candidateLeads({ partnershipSlug: p.slug }), "FORBIDDEN");
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(before);
  });

  it("creates exactly one of two identical areas started at the same moment", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const results = await Promise.allSettled([p.create("Digital inclusion"), p.create("Digital inclusion", "chair")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as TRPCError).code).toBe("CONFLICT");
    expect(await db.priorityArea.count({ where: { partnershipId: p.partnership.id } })).toBe(1);
  });
});

describe("editing priority areas", () => {
  it("updates the details and records what changed; refuses a clash or an archived area", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const carers = await p.create("Carers");
    const housing = await p.create("Housing");
    const updated = await p.api("chair").priorityArea.update({
      priorityAreaId: carers.id,
      title: "Unpaid carers",
      description: "Support for people caring for family",
      outcomesSought: "More carers get a break",
    });
    expect(updated).toMatchObject({ title: "Unpaid carers", description: "Support for people caring for family", position: 0 });
    const last = await db.activity.findFirstOrThrow({ where: { partnershipId: p.partnership.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ kind: "PRIORITY_AREA_UPDATED", summary: `${p.people.chair.name} renamed the priority area Carers to Unpaid carers` });

    const before = await subGroupRowsOf(db, p.partnership.id);
    const clash = await mutate(db, p.people.officer, "priorityArea.update", {
      priorityAreaId: housing.id,
      title: "unpaid carers",
      description: "x",
      outcomesSought: "y",
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error?.json.data.fieldErrors?.title).toBeDefined();
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(before);

    await p.api("officer").priorityArea.archive({ priorityAreaId: housing.id });
    const archived = await subGroupRowsOf(db, p.partnership.id);
    await expectFailure(
      p.api("officer").priorityArea.update({ priorityAreaId: housing.id, title: "Homes", description: "x", outcomesSought: "y" }),
      "PRECONDITION_FAILED",
      "Housing is archived. Restore it before changing it.",
    );
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(archived);
  });
});

describe("ordering priority areas", () => {
  it("swaps with the neighbour among current areas, skipping archived ones", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const a = await p.create("A area");
    const b = await p.create("B area");
    const c = await p.create("C area");
    const titles = async () =>
      (await p.api("member").priorityArea.list({ partnershipSlug: p.slug })).priorityAreas.map((area) => area.title);

    await p.api("officer").priorityArea.move({ priorityAreaId: c.id, direction: "up" });
    expect(await titles()).toEqual(["A area", "C area", "B area"]);
    await p.api("chair").priorityArea.move({ priorityAreaId: a.id, direction: "down" });
    expect(await titles()).toEqual(["C area", "A area", "B area"]);

    // With A archived, B's neighbour above is C.
    await p.api("officer").priorityArea.archive({ priorityAreaId: a.id });
    await p.api("officer").priorityArea.move({ priorityAreaId: b.id, direction: "up" });
    expect(await titles()).toEqual(["B area", "C area"]);
    const last = await db.activity.findFirstOrThrow({ where: { partnershipId: p.partnership.id }, orderBy: { createdAt: "desc" } });
    expect(last.summary).toBe(`${p.people.officer.name} moved the priority area B area above C area`);
  });

  it("refuses to move the first up or the last down, or an archived area, with nothing written", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const first = await p.create("First");
    const last = await p.create("Last");
    const before = await subGroupRowsOf(db, p.partnership.id);
    await expectFailure(
      p.api("officer").priorityArea.move({ priorityAreaId: first.id, direction: "up" }),
      "PRECONDITION_FAILED",
      "First is already first, so it cannot move up.",
    );
    await expectFailure(
      p.api("officer").priorityArea.move({ priorityAreaId: last.id, direction: "down" }),
      "PRECONDITION_FAILED",
      "Last is already last, so it cannot move down.",
    );
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(before);

    await p.api("officer").priorityArea.archive({ priorityAreaId: first.id });
    await expectFailure(
      p.api("officer").priorityArea.move({ priorityAreaId: first.id, direction: "down" }),
      "PRECONDITION_FAILED",
      /archived/,
    );
    // Last is now the only current area: first and last at once.
    await expectFailure(
      p.api("officer").priorityArea.move({ priorityAreaId: last.id, direction: "up" }),
      "PRECONDITION_FAILED",
      /already first/,
    );
  });

  it("still moves areas that share a position (older data), by numbering them first", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const a = await p.create("Alpha");
    const b = await p.create("Beta");
    await db.priorityArea.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { position: 3 } });
    await p.api("officer").priorityArea.move({ priorityAreaId: b.id, direction: "up" });
    const list = await p.api("officer").priorityArea.list({ partnershipSlug: p.slug });
    expect(list.priorityAreas.map((area) => [area.title, area.position])).toEqual([
      ["Beta", 0],
      ["Alpha", 1],
    ]);
  });
});

describe("archiving and restoring priority areas", () => {
  it("archives the area with its current sub-groups, records each, and closes their pending requests", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const area = await p.create("Carers");
    const one = await subGroupIn(db, p.partnership.id, area.id, "Short breaks");
    const two = await subGroupIn(db, p.partnership.id, area.id, "Young carers");
    const earlier = await subGroupIn(db, p.partnership.id, area.id, "Old group");
    const earlierArchivedAt = new Date("2024-01-01T00:00:00Z");
    await db.subGroup.update({ where: { id: earlier.id }, data: { archivedAt: earlierArchivedAt } });
    const request = await db.joinRequest.create({ data: { subGroupId: one.id, userId: p.people.member.userId } });

    const result = await p.api("chair").priorityArea.archive({ priorityAreaId: area.id });
    expect(result.archivedSubGroups.map((group) => group.id).sort()).toEqual([one.id, two.id].sort());

    const stored = await db.subGroup.findMany({ where: { priorityAreaId: area.id }, orderBy: { name: "asc" } });
    const areaRow = await db.priorityArea.findUniqueOrThrow({ where: { id: area.id } });
    expect(areaRow.archivedAt).not.toBeNull();
    for (const group of stored) {
      if (group.id === earlier.id) expect(group.archivedAt).toEqual(earlierArchivedAt);
      else expect(group.archivedAt).toEqual(areaRow.archivedAt);
    }
    // Nothing deleted.
    expect(await db.subGroup.count({ where: { priorityAreaId: area.id } })).toBe(3);

    const activity = await db.activity.findMany({ where: { partnershipId: p.partnership.id, kind: { in: ["SUBGROUP_ARCHIVED", "PRIORITY_AREA_ARCHIVED"] } } });
    expect(activity.filter((a) => a.kind === "SUBGROUP_ARCHIVED").map((a) => a.subGroupId).sort()).toEqual([one.id, two.id].sort());
    expect(activity.find((a) => a.kind === "PRIORITY_AREA_ARCHIVED")?.summary).toMatch(
      new RegExp(`^${p.people.chair.name} archived the priority area Carers and its 2 sub-groups`),
    );

    const closed = await db.joinRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(closed).toMatchObject({ status: "WITHDRAWN", decidedById: p.people.chair.userId, decisionNote: "Closed because the sub-group was archived." });
    const told = await db.notification.findMany({ where: { userId: p.people.member.userId } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: "JOIN_DECISION", title: `Your request to join ${one.name} was closed`, linkPath: `/p/${p.slug}/groups/${one.id}` });

    // Hidden from the list unless asked for; then shown after the current areas.
    await p.create("Housing");
    const current = await p.api("member").priorityArea.list({ partnershipSlug: p.slug });
    expect(current.priorityAreas.map((a) => a.title)).toEqual(["Housing"]);
    const all = await p.api("member").priorityArea.list({ partnershipSlug: p.slug, includeArchived: true });
    expect(all.priorityAreas.map((a) => [a.title, a.archived])).toEqual([
      ["Housing", false],
      ["Carers", true],
    ]);
    expect(all.priorityAreas[1]!.subGroups.every((group) => group.archived && !group.canJoin)).toBe(true);

    const before = await subGroupRowsOf(db, p.partnership.id);
    await expectFailure(
      p.api("officer").priorityArea.archive({ priorityAreaId: area.id }),
      "PRECONDITION_FAILED",
      "Carers is already archived.",
    );
    await expectFailure(
      p.api("officer").subGroup.create({ priorityAreaId: area.id, name: "New", purpose: "x", joinPolicy: "OPEN", leadUserIds: [p.people.member.userId] }),
      "PRECONDITION_FAILED",
      /Carers is archived/,
    );
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(before);
  });

  it("archives cleanly while people are joining its sub-groups: every join either lands before or is refused after", async () => {
    const { db } = database;
    for (let round = 0; round < 3; round += 1) {
      const p = await partnershipWithPeople(db);
      const area = await p.create("Carers");
      const group = await subGroupIn(db, p.partnership.id, area.id, "Short breaks");
      await db.subGroupMembership.create({ data: { subGroupId: group.id, userId: p.people.officer.userId, role: "LEAD" } });
      const joiners = await p.crowd(4);
      const results = await Promise.allSettled([
        ...joiners.map((joiner) => p.api(joiner).subGroup.join({ subGroupId: group.id, message: "Hello" })),
        p.api("chair").priorityArea.archive({ priorityAreaId: area.id }),
      ]);
      for (const result of results) {
        if (result.status === "rejected") {
          expect(result.reason).toBeInstanceOf(TRPCError);
          expect((result.reason as TRPCError).code).toBe("PRECONDITION_FAILED");
        }
      }
      expect(results.at(-1)!.status).toBe("fulfilled");
      // Whoever got in before the archive had their request closed by it.
      expect(await db.joinRequest.count({ where: { subGroupId: group.id, status: "PENDING" } })).toBe(0);
    }
  });

  it("never leaves a current sub-group in an archived area when one is started while the area is archived", async () => {
    const { db } = database;
    for (let round = 0; round < 4; round += 1) {
      const p = await partnershipWithPeople(db);
      const area = await p.create("Carers");
      const results = await Promise.allSettled([
        p.api("chair").subGroup.create({
          priorityAreaId: area.id,
          name: "Young carers",
          purpose: "Test a café",
          joinPolicy: "OPEN",
          leadUserIds: [p.people.member.userId],
        }),
        p.api("officer").priorityArea.archive({ priorityAreaId: area.id }),
      ]);
      expect(results[1]!.status).toBe("fulfilled");
      if (results[0]!.status === "rejected") expect((results[0].reason as TRPCError).code).toBe("PRECONDITION_FAILED");
      expect(await db.subGroup.count({ where: { priorityAreaId: area.id, archivedAt: null } })).toBe(0);
    }
  });

  it("frees the title of an archived area, and restores an area at the end with the sub-groups archived with it", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const area = await p.create("Carers");
    await p.create("Housing");
    const withIt = await subGroupIn(db, p.partnership.id, area.id, "Short breaks");
    const alone = await subGroupIn(db, p.partnership.id, area.id, "Alone");
    await p.api("officer").subGroup.archive({ subGroupId: alone.id });
    await p.api("officer").priorityArea.archive({ priorityAreaId: area.id });

    // The title is free while the area is archived ...
    const replacement = await p.create("carers");
    const before = await subGroupRowsOf(db, p.partnership.id);
    // ... so it cannot come back until the replacement is renamed.
    await expectFailure(
      p.api("officer").priorityArea.restore({ priorityAreaId: area.id }),
      "CONFLICT",
      'There is already a current priority area called "carers". Rename that one before restoring this.',
    );
    expect(await subGroupRowsOf(db, p.partnership.id)).toBe(before);
    await p.api("officer").priorityArea.update({ priorityAreaId: replacement.id, title: "Carers (new)", description: "x", outcomesSought: "y" });

    const restored = await p.api("chair").priorityArea.restore({ priorityAreaId: area.id });
    expect(restored.restoredSubGroups.map((group) => group.id)).toEqual([withIt.id]);
    expect((await db.subGroup.findUniqueOrThrow({ where: { id: withIt.id } })).archivedAt).toBeNull();
    expect((await db.subGroup.findUniqueOrThrow({ where: { id: alone.id } })).archivedAt).not.toBeNull();
    const list = await p.api("member").priorityArea.list({ partnershipSlug: p.slug });
    expect(list.priorityAreas.map((a) => a.title)).toEqual(["Housing", "Carers (new)", "Carers"]);
    expect(list.priorityAreas[2]!.subGroups.map((group) => group.id)).toEqual([withIt.id]);
    const kinds = await db.activity.findMany({ where: { partnershipId: p.partnership.id }, orderBy: { createdAt: "desc" }, take: 2 });
    expect(kinds.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        `${p.people.chair.name} restored the priority area Carers`,
        `${p.people.chair.name} restored the sub-group ${withIt.name} with the priority area Carers`,
      ]),
    );

    await expectFailure(
      p.api("officer").priorityArea.restore({ priorityAreaId: area.id }),
      "PRECONDITION_FAILED",
      "Carers is not archived.",
    );
  });
});

describe("candidate leads", () => {
  it("offers the partnership's officers, chairs and members, not observers or anyone elsewhere", async () => {
    const { db } = database;
    const p = await partnershipWithPeople(db);
    const leads = await p.api("chair").priorityArea.candidateLeads({ partnershipSlug: p.slug });
    expect(new Set(leads.map((lead) => lead.userId))).toEqual(
      new Set([p.people.officer.userId, p.people.chair.userId, p.people.member.userId]),
    );
    expect(leads.find((lead) => lead.userId === p.people.member.userId)).toEqual({
      userId: p.people.member.userId,
      name: p.people.member.name,
      role: "MEMBER",
      organisation: { id: p.organisations.voluntary.id, name: p.organisations.voluntary.name, sector: "VOLUNTARY" },
      sector: "VOLUNTARY",
    });
  });
});
