import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import type { JoinPolicy, SubGroupRole } from "@/server/db/generated/enums";
import { withTestDatabase } from "./support/database";
import { expectFailure, subGroupRowsOf } from "./support/expect";
import { unique } from "./support/factories";
import { mutate } from "./support/http";
import { subGroupIn, subGroupWorld } from "./support/worlds";

const database = withTestDatabase();

/**
 * A partnership with one priority area and one sub-group led by a public-sector lead
 * (`lead`) with a voluntary-sector member; plus people in every other position.
 */
async function world(db: Database, joinPolicy: JoinPolicy = "APPROVAL") {
  const w = await subGroupWorld(db, {
    cast: {
      lead: { name: "Lena Lead", organisation: "public" },
      member: { name: "Mo Member", organisation: "voluntary" },
      joiner: { name: "Jo Joiner", organisation: "voluntary" },
      other: { name: "Ola Other", organisation: "private" },
      resident: { name: "Ray Resident" },
      officer: { name: "Olu Officer", organisation: "public", role: "OFFICER" },
      chair: { name: "Chris Chair", organisation: "public", role: "CHAIR" },
      observer: { name: "Obi Observer", role: "OBSERVER" },
      outsider: { name: "Oscar Outsider", organisation: "voluntary", elsewhere: "OFFICER" },
    },
    tagNames: true,
    organisations: { voluntary: { name: "Carers Trust" }, private: { name: "Corner Shop" } },
    area: { title: "Carers", description: "Unpaid carers", outcomesSought: "Breaks" },
    subGroup: { name: `Short breaks ${unique()}`, purpose: "Test short breaks", joinPolicy },
    leads: ["lead"],
    members: ["member"],
  });
  const roleOf = async (who: keyof typeof w.people): Promise<SubGroupRole | null> =>
    (
      await db.subGroupMembership.findUnique({
        where: { subGroupId_userId: { subGroupId: w.subGroup.id, userId: w.people[who].userId } },
        select: { role: true },
      })
    )?.role ?? null;
  const snapshot = () => subGroupRowsOf(db, w.partnership.id);
  return { ...w, roleOf, snapshot };
}

describe("starting sub-groups", () => {
  it("makes the chosen people its leads, records it and tells the leads", async () => {
    const { db } = database;
    const w = await world(db);
    const created = await w.api("chair").subGroup.create({
      priorityAreaId: w.area.id,
      name: "  Young carers  ",
      purpose: "Test a young carers' café",
      joinPolicy: "OPEN",
      leadUserIds: [w.people.member.userId, w.people.officer.userId],
    });
    expect(created).toMatchObject({ name: "Young carers", joinPolicy: "OPEN", priorityAreaId: w.area.id });
    const members = await db.subGroupMembership.findMany({ where: { subGroupId: created.id } });
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [w.people.member.userId, "LEAD"],
        [w.people.officer.userId, "LEAD"],
      ].sort(),
    );
    const activity = await db.activity.findMany({ where: { subGroupId: created.id } });
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({
      kind: "SUBGROUP_CREATED",
      actorId: w.people.chair.userId,
      summary: `${w.people.chair.name} started the Young carers sub-group in Carers, led by ${w.people.member.name} and ${w.people.officer.name}`,
      linkPath: `/p/${w.slug}/groups/${created.id}`,
    });
    const told = await db.notification.findMany({ where: { partnershipId: w.partnership.id } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.people.member.userId, w.people.officer.userId].sort());
    expect(told[0]).toMatchObject({ kind: "ROLE_CHANGED", title: "You are a lead of the Young carers sub-group, which is new" });
  });

  it("refuses leads who are not members, observers, or a wrong number of leads, with nothing written", async () => {
    const { db } = database;
    const w = await world(db);
    const before = await w.snapshot();
    const base = { priorityAreaId: w.area.id, name: "Falls", purpose: "Prevent falls", joinPolicy: "APPROVAL" };

    const outsider = await mutate(db, w.people.officer, "subGroup.create", { ...base, leadUserIds: [w.people.outsider.userId] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error?.json.message).toBe("Every lead must be a member of this partnership.");
    expect(outsider.body.error?.json.data.fieldErrors).toEqual({ leadUserIds: ["Choose leads from the partnership's members"] });

    const observer = await mutate(db, w.people.officer, "subGroup.create", { ...base, leadUserIds: [w.people.observer.userId, w.people.lead.userId] });
    expect(observer.body.error?.json.message).toBe(`${w.people.observer.name} is an observer in this partnership, so cannot lead a sub-group.`);

    const none = await mutate(db, w.people.officer, "subGroup.create", { ...base, leadUserIds: [] });
    expect(none.body.error?.json.data.fieldErrors).toEqual({ leadUserIds: ["Choose at least one lead"] });
    const five = await mutate(db, w.people.officer, "subGroup.create", {
      ...base,
      leadUserIds: ["a", "b", "c", "d", "e"],
    });
    expect(five.body.error?.json.data.fieldErrors).toEqual({ leadUserIds: ["Choose 4 leads or fewer"] });
    const twice = await mutate(db, w.people.officer, "subGroup.create", { ...base, leadUserIds: [w.people.lead.userId, w.people.lead.userId] });
    expect(twice.body.error?.json.data.fieldErrors).toEqual({ leadUserIds: ["Choose each lead once"] });
    const blank = await mutate(db, w.people.officer, "subGroup.create", { ...base, name: " ", purpose: "", joinPolicy: "SOMETIMES", leadUserIds: [w.people.lead.userId] });
    expect(blank.body.error?.json.data.fieldErrors).toEqual({
      name: ["Enter a name for the sub-group"],
      purpose: ["Enter the sub-group's purpose"],
      joinPolicy: ["Choose how people join"],
    });

    await expectFailure(w.api("lead").subGroup.create({ ...base, joinPolicy: "OPEN", leadUserIds: [w.people.lead.userId] }), "FORBIDDEN");
    expect(await w.snapshot()).toBe(before);
  });
});

describe("seeing sub-groups", () => {
  it("lists the partnership's current sub-groups with member counts", async () => {
    const { db } = database;
    const w = await world(db);
    const archived = await subGroupIn(db, w.area, { name: "Gone", purpose: "x", archived: true });
    const list = await w.api("observer").subGroup.list({ partnershipSlug: w.slug });
    expect(list).toEqual([
      { id: w.subGroup.id, name: w.subGroup.name, joinPolicy: "APPROVAL", priorityArea: { id: w.area.id, title: "Carers" }, memberCount: 2 },
    ]);
    expect(list.map((g) => g.id)).not.toContain(archived.id);
  });

  it("shows members with organisation, sector and role, the sector mix, and the co-lead nudge", async () => {
    const { db } = database;
    const w = await world(db);
    await db.subGroupMembership.createMany({
      data: [
        { subGroupId: w.subGroup.id, userId: w.people.resident.userId, role: "MEMBER" },
        { subGroupId: w.subGroup.id, userId: w.people.other.userId, role: "MEMBER" },
      ],
    });
    await db.user.update({ where: { id: w.people.other.userId }, data: { listedInDirectory: false } });

    const view = await w.api("observer").subGroup.get({ subGroupId: w.subGroup.id });
    expect(view).toMatchObject({
      id: w.subGroup.id,
      name: w.subGroup.name,
      purpose: "Test short breaks",
      joinPolicy: "APPROVAL",
      archived: false,
      partnershipSlug: w.slug,
      priorityArea: { id: w.area.id, title: "Carers", archived: false },
      memberCount: 4,
      sectorMix: { VOLUNTARY: 1, PUBLIC: 1, PRIVATE: 1, COMMUNITY: 0, INDIVIDUAL: 1 },
      leadPairing: "needs a voluntary-sector co-lead",
    });
    expect(view.members[0]).toMatchObject({
      userId: w.people.lead.userId,
      name: w.people.lead.name,
      organisation: { id: w.organisations.public.id, name: w.organisations.public.name },
      sector: "PUBLIC",
      role: "LEAD",
      profilePath: `/p/${w.slug}/directory/people/${w.people.lead.userId}`,
      isMe: false,
    });
    expect(view.members.map((m) => m.role)).toEqual(["LEAD", "MEMBER", "MEMBER", "MEMBER"]);
    expect(view.members.find((m) => m.userId === w.people.resident.userId)).toMatchObject({ organisation: null, sector: "INDIVIDUAL" });
    // Someone not listed in the directory has no page there to link to.
    expect(view.members.find((m) => m.userId === w.people.other.userId)?.profilePath).toBeNull();
    expect(JSON.stringify(view)).not.toContain("@example.org");
    expect(view.viewer).toMatchObject({
      partnershipRole: "OBSERVER",
      myRole: null,
      pendingRequest: null,
      pendingRequestCount: null,
      canJoin: false,
      canLeave: false,
      canEdit: false,
      canArchive: false,
      canManageMembers: false,
      canSeeRequests: false,
      canSeeDiscussions: false,
    });

    // A voluntary co-lead balances the pair.
    await w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "LEAD" });
    expect((await w.api("member").subGroup.get({ subGroupId: w.subGroup.id })).leadPairing).toBe("balanced");
    // Only voluntary leads: a public co-lead is wanted.
    await w.api("member").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.lead.userId, role: "MEMBER" });
    expect((await w.api("member").subGroup.get({ subGroupId: w.subGroup.id })).leadPairing).toBe("needs a public-sector co-lead");
    // Only a private-sector lead: both are wanted.
    await w.api("member").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.other.userId, role: "LEAD" });
    await w.api("other").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "MEMBER" });
    expect((await w.api("other").subGroup.get({ subGroupId: w.subGroup.id })).leadPairing).toBe("needs voluntary- and public-sector co-leads");
  });

  it("tells each person what they can do, and leads and officers how many requests wait", async () => {
    const { db } = database;
    const w = await world(db);
    await db.joinRequest.create({ data: { subGroupId: w.subGroup.id, userId: w.people.joiner.userId, message: "Hello" } });

    const lead = await w.api("lead").subGroup.get({ subGroupId: w.subGroup.id });
    expect(lead.viewer).toMatchObject({
      myRole: "LEAD",
      isOnlyLead: true,
      pendingRequestCount: 1,
      canJoin: false,
      canLeave: true,
      canEdit: true,
      canArchive: false,
      canManageMembers: true,
      canSeeRequests: true,
      canSeeDiscussions: true,
    });
    const officer = await w.api("officer").subGroup.get({ subGroupId: w.subGroup.id });
    expect(officer.viewer).toMatchObject({ myRole: null, canJoin: true, canEdit: true, canArchive: true, canManageMembers: true, pendingRequestCount: 1 });
    const chair = await w.api("chair").subGroup.get({ subGroupId: w.subGroup.id });
    expect(chair.viewer).toMatchObject({ canEdit: true, canArchive: true, canManageMembers: false, canSeeRequests: false, pendingRequestCount: null });
    const joiner = await w.api("joiner").subGroup.get({ subGroupId: w.subGroup.id });
    expect(joiner.viewer).toMatchObject({ myRole: null, canJoin: false, pendingRequest: { message: "Hello" }, canSeeDiscussions: false });
    const member = await w.api("member").subGroup.get({ subGroupId: w.subGroup.id });
    expect(member.viewer).toMatchObject({ myRole: "MEMBER", canLeave: true, canEdit: false, canManageMembers: false, pendingRequestCount: null });
    expect(member.members.find((m) => m.isMe)?.userId).toBe(w.people.member.userId);

    await expectFailure(w.api("outsider").subGroup.get({ subGroupId: w.subGroup.id }), "NOT_FOUND");
    await expectFailure(w.api("member").subGroup.pendingRequests({ subGroupId: w.subGroup.id }), "FORBIDDEN");
  });
});

describe("editing and archiving sub-groups", () => {
  it("lets a lead edit the details, recording what changed", async () => {
    const { db } = database;
    const w = await world(db);
    const updated = await w.api("lead").subGroup.update({ subGroupId: w.subGroup.id, name: "Short breaks", purpose: "Test short breaks", joinPolicy: "OPEN" });
    expect(updated).toMatchObject({ name: "Short breaks", joinPolicy: "OPEN", changed: true });
    const activity = await db.activity.findFirstOrThrow({ where: { subGroupId: w.subGroup.id } });
    expect(activity).toMatchObject({
      kind: "SUBGROUP_UPDATED",
      summary: `${w.people.lead.name} updated the Short breaks sub-group: renamed from ${w.subGroup.name}, now open to join`,
    });
    const same = await w.api("officer").subGroup.update({ subGroupId: w.subGroup.id, name: "Short breaks", purpose: "Test short breaks", joinPolicy: "OPEN" });
    expect(same.changed).toBe(false);
    expect(await db.activity.count({ where: { subGroupId: w.subGroup.id } })).toBe(1);

    const before = await w.snapshot();
    await expectFailure(
      w.api("member").subGroup.update({ subGroupId: w.subGroup.id, name: "Mine", purpose: "x", joinPolicy: "OPEN" }),
      "FORBIDDEN",
    );
    const blank = await mutate(db, w.people.lead, "subGroup.update", { subGroupId: w.subGroup.id, name: "", purpose: "x".repeat(2_001), joinPolicy: "OPEN" });
    expect(blank.body.error?.json.data.fieldErrors).toEqual({
      name: ["Enter a name for the sub-group"],
      purpose: ["The purpose must be 2,000 characters or fewer"],
    });
    expect(await w.snapshot()).toBe(before);
  });

  it("archives for steering roles only: history kept, pending requests closed, no more changes", async () => {
    const { db } = database;
    const w = await world(db);
    const request = await db.joinRequest.create({ data: { subGroupId: w.subGroup.id, userId: w.people.joiner.userId } });
    await expectFailure(w.api("lead").subGroup.archive({ subGroupId: w.subGroup.id }), "FORBIDDEN");

    await w.api("chair").subGroup.archive({ subGroupId: w.subGroup.id });
    const stored = await db.subGroup.findUniqueOrThrow({ where: { id: w.subGroup.id } });
    expect(stored.archivedAt).not.toBeNull();
    expect(await db.subGroupMembership.count({ where: { subGroupId: w.subGroup.id } })).toBe(2);
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("WITHDRAWN");
    expect(await db.notification.count({ where: { userId: w.people.joiner.userId, kind: "JOIN_DECISION" } })).toBe(1);
    expect(await db.activity.count({ where: { subGroupId: w.subGroup.id, kind: "SUBGROUP_ARCHIVED" } })).toBe(1);

    const view = await w.api("lead").subGroup.get({ subGroupId: w.subGroup.id });
    expect(view.archived).toBe(true);
    expect(view.viewer).toMatchObject({ canJoin: false, canLeave: false, canEdit: false, canArchive: false, canManageMembers: false });

    const before = await w.snapshot();
    const archived = "This sub-group has been archived, so its membership can be read but no longer changed.";
    await expectFailure(w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id }), "PRECONDITION_FAILED", archived);
    await expectFailure(w.api("member").subGroup.leave({ subGroupId: w.subGroup.id }), "PRECONDITION_FAILED", archived);
    await expectFailure(
      w.api("lead").subGroup.removeMember({ subGroupId: w.subGroup.id, userId: w.people.member.userId }),
      "PRECONDITION_FAILED",
      archived,
    );
    await expectFailure(
      w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "LEAD" }),
      "PRECONDITION_FAILED",
      archived,
    );
    await expectFailure(
      w.api("lead").subGroup.update({ subGroupId: w.subGroup.id, name: "x", purpose: "y", joinPolicy: "OPEN" }),
      "PRECONDITION_FAILED",
      archived,
    );
    await expectFailure(w.api("officer").subGroup.archive({ subGroupId: w.subGroup.id }), "PRECONDITION_FAILED", /already archived/);
    expect(await w.snapshot()).toBe(before);
    expect(await w.api("observer").subGroup.list({ partnershipSlug: w.slug })).toEqual([]);
  });
});

describe("joining", () => {
  it("joins an open sub-group at once", async () => {
    const { db } = database;
    const w = await world(db, "OPEN");
    expect(await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id, message: "ignored" })).toEqual({ outcome: "JOINED" });
    expect(await w.roleOf("joiner")).toBe("MEMBER");
    expect(await db.joinRequest.count({ where: { subGroupId: w.subGroup.id } })).toBe(0);
    const activity = await db.activity.findFirstOrThrow({ where: { subGroupId: w.subGroup.id } });
    expect(activity).toMatchObject({ kind: "MEMBER_JOINED", actorId: w.people.joiner.userId, summary: `${w.people.joiner.name} joined ${w.subGroup.name}` });
    // Officers and chairs may join too.
    await w.api("chair").subGroup.join({ subGroupId: w.subGroup.id });
    expect(await w.roleOf("chair")).toBe("MEMBER");
  });

  it("lets someone still waiting join at once when the sub-group is opened, closing their request", async () => {
    const { db } = database;
    const w = await world(db);
    const { joinRequestId } = (await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id })) as { joinRequestId: string };
    expect((await w.api("joiner").subGroup.get({ subGroupId: w.subGroup.id })).viewer.canJoin).toBe(false);
    await w.api("lead").subGroup.update({ subGroupId: w.subGroup.id, name: w.subGroup.name, purpose: w.subGroup.purpose, joinPolicy: "OPEN" });
    const view = await w.api("joiner").subGroup.get({ subGroupId: w.subGroup.id });
    expect(view.viewer).toMatchObject({ canJoin: true, pendingRequest: { id: joinRequestId } });
    await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id });
    expect(await w.roleOf("joiner")).toBe("MEMBER");
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: joinRequestId } })).status).toBe("WITHDRAWN");
  });

  it("asks to join one that needs approval, and tells every lead with a link to the requests", async () => {
    const { db } = database;
    const w = await world(db);
    await db.subGroupMembership.create({ data: { subGroupId: w.subGroup.id, userId: w.people.officer.userId, role: "LEAD" } });
    const result = await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id, message: "  I run a carers café  " });
    expect(result.outcome).toBe("REQUESTED");
    expect(await w.roleOf("joiner")).toBeNull();
    const request = await db.joinRequest.findFirstOrThrow({ where: { subGroupId: w.subGroup.id } });
    expect(request).toMatchObject({ userId: w.people.joiner.userId, status: "PENDING", message: "I run a carers café" });
    expect(result).toEqual({ outcome: "REQUESTED", joinRequestId: request.id });

    const activity = await db.activity.findFirstOrThrow({ where: { subGroupId: w.subGroup.id } });
    expect(activity).toMatchObject({ kind: "JOIN_REQUESTED", summary: `${w.people.joiner.name} asked to join ${w.subGroup.name}` });
    const told = await db.notification.findMany({ where: { partnershipId: w.partnership.id }, orderBy: { userId: "asc" } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.people.lead.userId, w.people.officer.userId].sort());
    for (const notification of told) {
      expect(notification).toMatchObject({
        kind: "JOIN_REQUEST",
        title: `${w.people.joiner.name} asked to join ${w.subGroup.name}`,
        body: "I run a carers café",
        linkPath: `/p/${w.slug}/groups/${w.subGroup.id}/requests`,
      });
    }

    const pending = await w.api("lead").subGroup.pendingRequests({ subGroupId: w.subGroup.id });
    expect(pending.subGroup).toEqual({ id: w.subGroup.id, name: w.subGroup.name, archived: false });
    expect(pending.requests).toEqual([
      {
        id: request.id,
        message: "I run a carers café",
        createdAt: request.createdAt,
        requester: {
          userId: w.people.joiner.userId,
          name: w.people.joiner.name,
          organisation: { id: w.organisations.voluntary.id, name: w.organisations.voluntary.name },
          sector: "VOLUNTARY",
          profilePath: `/p/${w.slug}/directory/people/${w.people.joiner.userId}`,
        },
      },
    ]);
  });

  it("refuses a member or someone already waiting, with nothing written; observers cannot join", async () => {
    const { db } = database;
    const w = await world(db);
    await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id });
    const before = await w.snapshot();
    await expectFailure(
      w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id }),
      "CONFLICT",
      "You have already asked to join this sub-group. Its leads will reply to your request.",
    );
    await expectFailure(
      w.api("member").subGroup.join({ subGroupId: w.subGroup.id }),
      "CONFLICT",
      "You are already a member of this sub-group.",
    );
    await expectFailure(
      w.api("lead").subGroup.join({ subGroupId: w.subGroup.id }),
      "CONFLICT",
      "You are already a member of this sub-group.",
    );
    await expectFailure(w.api("observer").subGroup.join({ subGroupId: w.subGroup.id }), "FORBIDDEN");
    await expectFailure(w.api("outsider").subGroup.join({ subGroupId: w.subGroup.id }), "NOT_FOUND");
    const long = await mutate(db, w.people.other, "subGroup.join", { subGroupId: w.subGroup.id, message: "x".repeat(1_001) });
    expect(long.body.error?.json.data.fieldErrors).toEqual({ message: ["Your message must be 1,000 characters or fewer"] });
    expect(await w.snapshot()).toBe(before);
  });

  it("keeps exactly one of two requests sent at the same moment", async () => {
    const { db } = database;
    const w = await world(db);
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, () => w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id, message: "Please" })),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === "rejected") {
        expect(attempt.reason).toBeInstanceOf(TRPCError);
        expect((attempt.reason as TRPCError).code).toBe("CONFLICT");
        expect((attempt.reason as TRPCError).message).toBe(
          "You have already asked to join this sub-group. Its leads will reply to your request.",
        );
      }
    }
    expect(await db.joinRequest.count({ where: { subGroupId: w.subGroup.id, userId: w.people.joiner.userId } })).toBe(1);
    expect(await db.activity.count({ where: { subGroupId: w.subGroup.id, kind: "JOIN_REQUESTED" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: w.people.lead.userId } })).toBe(1);
  });

  it("answers a duplicate that slipped past the check (the database index) with the same message", async () => {
    const { db } = database;
    const w = await world(db);
    // Two concurrent joins in an open sub-group: one membership, one clear refusal.
    await db.subGroup.update({ where: { id: w.subGroup.id }, data: { joinPolicy: "OPEN" } });
    const attempts = await Promise.allSettled([
      w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id }),
      w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const rejected = attempts.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as TRPCError).message).toBe("You are already a member of this sub-group.");
    expect(await db.subGroupMembership.count({ where: { subGroupId: w.subGroup.id, userId: w.people.joiner.userId } })).toBe(1);
  });
});

describe("withdrawing a request", () => {
  it("lets the requester withdraw their own pending request only", async () => {
    const { db } = database;
    const w = await world(db);
    const { joinRequestId } = (await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id })) as { joinRequestId: string };
    const before = await w.snapshot();
    await expectFailure(
      w.api("member").subGroup.withdrawRequest({ joinRequestId }),
      "PRECONDITION_FAILED",
      "You can only withdraw your own request.",
    );
    await expectFailure(
      w.api("officer").subGroup.withdrawRequest({ joinRequestId }),
      "PRECONDITION_FAILED",
      "You can only withdraw your own request.",
    );
    await expectFailure(w.api("observer").subGroup.withdrawRequest({ joinRequestId }), "FORBIDDEN");
    expect(await w.snapshot()).toBe(before);

    expect(await w.api("joiner").subGroup.withdrawRequest({ joinRequestId })).toEqual({ id: joinRequestId, status: "WITHDRAWN" });
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: joinRequestId } })).status).toBe("WITHDRAWN");
    await expectFailure(
      w.api("joiner").subGroup.withdrawRequest({ joinRequestId }),
      "CONFLICT",
      "This request has already been withdrawn.",
    );
    await expectFailure(
      w.api("lead").subGroup.decideRequest({ joinRequestId, decision: "APPROVE" }),
      "CONFLICT",
      "This request has already been withdrawn, so it cannot be decided again.",
    );
    // They may ask again.
    await expect(w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id })).resolves.toMatchObject({ outcome: "REQUESTED" });
  });
});

describe("deciding requests", () => {
  it("approves: the person becomes a member, the request records who decided, and they are told", async () => {
    const { db } = database;
    const w = await world(db);
    const { joinRequestId } = (await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id })) as { joinRequestId: string };
    const decided = await w.api("lead").subGroup.decideRequest({ joinRequestId, decision: "APPROVE", note: "Welcome aboard" });
    expect(decided).toMatchObject({ id: joinRequestId, status: "APPROVED" });
    expect(await w.roleOf("joiner")).toBe("MEMBER");
    const request = await db.joinRequest.findUniqueOrThrow({ where: { id: joinRequestId } });
    expect(request).toMatchObject({ status: "APPROVED", decidedById: w.people.lead.userId, decisionNote: "Welcome aboard" });
    expect(request.decidedAt).toEqual(decided.decidedAt);

    const told = await db.notification.findMany({ where: { userId: w.people.joiner.userId } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: "JOIN_DECISION",
      title: `You have joined ${w.subGroup.name}`,
      body: `${w.people.lead.name} wrote: Welcome aboard`,
      linkPath: `/p/${w.slug}/groups/${w.subGroup.id}`,
    });
    const activity = await db.activity.findFirstOrThrow({ where: { subGroupId: w.subGroup.id, kind: "JOIN_APPROVED" } });
    expect(activity.summary).toBe(`${w.people.lead.name} welcomed ${w.people.joiner.name} to ${w.subGroup.name}`);
    expect(await w.api("lead").subGroup.pendingRequests({ subGroupId: w.subGroup.id })).toMatchObject({ requests: [] });

    const before = await w.snapshot();
    await expectFailure(
      w.api("officer").subGroup.decideRequest({ joinRequestId, decision: "DECLINE", note: "No" }),
      "CONFLICT",
      "This request has already been approved, so it cannot be decided again.",
    );
    expect(await w.snapshot()).toBe(before);
  });

  it("declines only with a note, which the requester sees", async () => {
    const { db } = database;
    const w = await world(db);
    const { joinRequestId } = (await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id })) as { joinRequestId: string };
    const before = await w.snapshot();
    const noNote = await mutate(db, w.people.lead, "subGroup.decideRequest", { joinRequestId, decision: "DECLINE", note: "   " });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error?.json.data.fieldErrors).toEqual({ note: ["Say briefly why you are declining: the person will see your note"] });
    await expectFailure(w.api("member").subGroup.decideRequest({ joinRequestId, decision: "APPROVE" }), "FORBIDDEN");
    await expectFailure(w.api("chair").subGroup.decideRequest({ joinRequestId, decision: "APPROVE" }), "FORBIDDEN");
    expect(await w.snapshot()).toBe(before);

    await w.api("officer").subGroup.decideRequest({ joinRequestId, decision: "DECLINE", note: "We are full until April; the café group is open" });
    expect(await w.roleOf("joiner")).toBeNull();
    expect(await db.joinRequest.findUniqueOrThrow({ where: { id: joinRequestId } })).toMatchObject({
      status: "DECLINED",
      decidedById: w.people.officer.userId,
      decisionNote: "We are full until April; the café group is open",
    });
    const told = await db.notification.findFirstOrThrow({ where: { userId: w.people.joiner.userId } });
    expect(told).toMatchObject({
      kind: "JOIN_DECISION",
      title: `Your request to join ${w.subGroup.name} was declined`,
      body: `${w.people.officer.name} wrote: We are full until April; the café group is open`,
    });
    expect(await db.activity.count({ where: { subGroupId: w.subGroup.id, kind: "JOIN_DECLINED" } })).toBe(1);
  });

  it("lets exactly one of a simultaneous approve and decline win", async () => {
    const { db } = database;
    const w = await world(db);
    await db.subGroupMembership.create({ data: { subGroupId: w.subGroup.id, userId: w.people.officer.userId, role: "LEAD" } });
    for (let round = 0; round < 3; round += 1) {
      const requester = await w.person({ name: `Racer ${unique("n")}` });
      const { joinRequestId } = (await w.api(requester).subGroup.join({ subGroupId: w.subGroup.id })) as { joinRequestId: string };
      const results = await Promise.allSettled([
        w.api("lead").subGroup.decideRequest({ joinRequestId, decision: "APPROVE" }),
        w.api("officer").subGroup.decideRequest({ joinRequestId, decision: "DECLINE", note: "Sorry" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((loser.reason as TRPCError).code).toBe("CONFLICT");
      const stored = await db.joinRequest.findUniqueOrThrow({ where: { id: joinRequestId } });
      const member = await db.subGroupMembership.count({ where: { subGroupId: w.subGroup.id, userId: requester.userId } });
      expect(member).toBe(stored.status === "APPROVED" ? 1 : 0);
      expect(await db.notification.count({ where: { userId: requester.userId, kind: "JOIN_DECISION" } })).toBe(1);
      expect(await db.activity.count({ where: { subGroupId: w.subGroup.id, kind: { in: ["JOIN_APPROVED", "JOIN_DECLINED"] }, summary: { contains: requester.name! } } })).toBe(1);
    }
  });
});

describe("leaving, removing and leads", () => {
  it("lets a member leave, but never the last lead", async () => {
    const { db } = database;
    const w = await world(db);
    await w.api("member").subGroup.leave({ subGroupId: w.subGroup.id });
    expect(await w.roleOf("member")).toBeNull();
    expect(await db.activity.findFirstOrThrow({ where: { subGroupId: w.subGroup.id } })).toMatchObject({
      kind: "MEMBER_LEFT",
      summary: `${w.people.member.name} left ${w.subGroup.name}`,
    });

    const before = await w.snapshot();
    await expectFailure(
      w.api("lead").subGroup.leave({ subGroupId: w.subGroup.id }),
      "CONFLICT",
      `You are the only lead of ${w.subGroup.name}, so you cannot leave it. Make someone else a lead first.`,
    );
    await expectFailure(w.api("member").subGroup.leave({ subGroupId: w.subGroup.id }), "FORBIDDEN");
    expect(await w.snapshot()).toBe(before);

    // With a co-lead, the first lead may go.
    await db.subGroupMembership.create({ data: { subGroupId: w.subGroup.id, userId: w.people.joiner.userId, role: "LEAD" } });
    await w.api("lead").subGroup.leave({ subGroupId: w.subGroup.id });
    expect(await w.roleOf("lead")).toBeNull();
  });

  it("lets a lead or officer remove a member, but not the last lead", async () => {
    const { db } = database;
    const w = await world(db);
    await w.api("lead").subGroup.removeMember({ subGroupId: w.subGroup.id, userId: w.people.member.userId });
    expect(await w.roleOf("member")).toBeNull();
    expect(await db.activity.findFirstOrThrow({ where: { subGroupId: w.subGroup.id } })).toMatchObject({
      kind: "MEMBER_REMOVED",
      summary: `${w.people.lead.name} removed ${w.people.member.name} from ${w.subGroup.name}`,
    });
    expect(await db.notification.findFirstOrThrow({ where: { userId: w.people.member.userId } })).toMatchObject({
      kind: "ROLE_CHANGED",
      title: `You are no longer a member of ${w.subGroup.name}`,
    });

    const before = await w.snapshot();
    await expectFailure(
      w.api("officer").subGroup.removeMember({ subGroupId: w.subGroup.id, userId: w.people.lead.userId }),
      "CONFLICT",
      `${w.people.lead.name} is the only lead of ${w.subGroup.name}, so they cannot be removed. Make someone else a lead first.`,
    );
    await expectFailure(w.api("officer").subGroup.removeMember({ subGroupId: w.subGroup.id, userId: w.people.joiner.userId }), "NOT_FOUND");
    await expectFailure(w.api("chair").subGroup.removeMember({ subGroupId: w.subGroup.id, userId: w.people.lead.userId }), "FORBIDDEN");
    expect(await w.snapshot()).toBe(before);
  });

  it("makes a co-lead and lets a lead step down, never leaving the sub-group without a lead", async () => {
    const { db } = database;
    const w = await world(db);
    const made = await w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "LEAD" });
    expect(made).toEqual({ userId: w.people.member.userId, role: "LEAD", changed: true });
    expect(await db.activity.findFirstOrThrow({ where: { subGroupId: w.subGroup.id } })).toMatchObject({
      kind: "LEAD_ADDED",
      summary: `${w.people.lead.name} made ${w.people.member.name} a co-lead of ${w.subGroup.name}`,
    });
    expect(await db.notification.findFirstOrThrow({ where: { userId: w.people.member.userId } })).toMatchObject({
      kind: "ROLE_CHANGED",
      title: `You are now a lead of ${w.subGroup.name}`,
    });
    expect(await w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "LEAD" })).toMatchObject({
      changed: false,
    });

    await w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.lead.userId, role: "MEMBER" });
    expect(await w.roleOf("lead")).toBe("MEMBER");

    const before = await w.snapshot();
    await expectFailure(
      w.api("member").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "MEMBER" }),
      "CONFLICT",
      `You are the only lead of ${w.subGroup.name}, so you cannot step down. Make someone else a lead first.`,
    );
    // The former lead is an ordinary member now: no say over roles.
    await expectFailure(
      w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.lead.userId, role: "LEAD" }),
      "FORBIDDEN",
    );
    expect(await w.snapshot()).toBe(before);
  });

  it("refuses to make an observer a lead", async () => {
    const { db } = database;
    const w = await world(db);
    await db.subGroupMembership.create({ data: { subGroupId: w.subGroup.id, userId: w.people.observer.userId, role: "MEMBER" } });
    const before = await w.snapshot();
    await expectFailure(
      w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.observer.userId, role: "LEAD" }),
      "PRECONDITION_FAILED",
      `${w.people.observer.name} is an observer in this partnership, so cannot lead a sub-group.`,
    );
    expect(await w.snapshot()).toBe(before);
  });

  it("keeps one lead when two leads step down at the same moment", async () => {
    const { db } = database;
    for (let round = 0; round < 3; round += 1) {
      const w = await world(db);
      await db.subGroupMembership.update({
        where: { subGroupId_userId: { subGroupId: w.subGroup.id, userId: w.people.member.userId } },
        data: { role: "LEAD" },
      });
      const results = await Promise.allSettled([
        w.api("lead").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.lead.userId, role: "MEMBER" }),
        w.api("member").subGroup.setMemberRole({ subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "MEMBER" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.subGroupMembership.count({ where: { subGroupId: w.subGroup.id, role: "LEAD" } })).toBe(1);

      // Same for two leads leaving together.
      const v = await world(db);
      await db.subGroupMembership.update({
        where: { subGroupId_userId: { subGroupId: v.subGroup.id, userId: v.people.member.userId } },
        data: { role: "LEAD" },
      });
      const left = await Promise.allSettled([
        v.api("lead").subGroup.leave({ subGroupId: v.subGroup.id }),
        v.api("officer").subGroup.removeMember({ subGroupId: v.subGroup.id, userId: v.people.member.userId }),
      ]);
      expect(left.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.subGroupMembership.count({ where: { subGroupId: v.subGroup.id, role: "LEAD" } })).toBe(1);
    }
  });

  it("takes sub-group access away from someone removed from the partnership on their next call", async () => {
    const { db } = database;
    const w = await world(db);
    await expect(w.api("member").subGroup.get({ subGroupId: w.subGroup.id })).resolves.toMatchObject({ id: w.subGroup.id });
    await w.api("officer").membership.remove({ membershipId: w.memberships.member! });
    await expectFailure(w.api("member").subGroup.get({ subGroupId: w.subGroup.id }), "NOT_FOUND");
    await expectFailure(w.api("member").subGroup.leave({ subGroupId: w.subGroup.id }), "NOT_FOUND");
    await expectFailure(w.api("member").subGroup.join({ subGroupId: w.subGroup.id }), "NOT_FOUND");
    await expectFailure(w.api("member").priorityArea.list({ partnershipSlug: w.slug }), "NOT_FOUND");

    // Even a stray sub-group place left behind gives no way in.
    await db.subGroupMembership.create({ data: { subGroupId: w.subGroup.id, userId: w.people.member.userId, role: "LEAD" } });
    await expectFailure(w.api("member").subGroup.pendingRequests({ subGroupId: w.subGroup.id }), "NOT_FOUND");
  });

  it("refuses an approval for someone who has left the partnership meanwhile", async () => {
    const { db } = database;
    const w = await world(db);
    const { joinRequestId } = (await w.api("joiner").subGroup.join({ subGroupId: w.subGroup.id })) as { joinRequestId: string };
    // Removed behind the application's back (the officer's removal would also withdraw the request).
    await db.membership.delete({ where: { id: w.memberships.joiner! } });
    const before = await w.snapshot();
    await expectFailure(
      w.api("lead").subGroup.decideRequest({ joinRequestId, decision: "APPROVE" }),
      "PRECONDITION_FAILED",
      `${w.people.joiner.name} is no longer a member of the partnership, so cannot join.`,
    );
    expect(await w.snapshot()).toBe(before);
  });
});
