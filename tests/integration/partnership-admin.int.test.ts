import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { changeMemberRole, removeMember } from "@/server/domain/partnerships/administration-members";
import { AppError } from "@/server/errors";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createOrganisation, createPartnership, createPerson, unique } from "./support/factories";

const database = withTestDatabase();

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** A partnership with one officer, ready to administer. */
async function partnershipWithOfficer(db: Database, localities: string[] = []) {
  const partnership = await createPartnership(db, { localities });
  const officer = await createPerson(db, { name: `Officer ${unique()}` });
  const officerMembership = await addMember(db, partnership.id, officer.actor.userId, "OFFICER");
  return { partnership, officer, officerMembership, api: callerFor(db, officer.actor) };
}

async function createSubGroup(db: Database, partnershipId: string) {
  const area = await db.priorityArea.create({
    data: { partnershipId, title: unique("area"), description: "d", outcomesSought: "o", position: 0 },
  });
  return db.subGroup.create({
    data: { partnershipId, priorityAreaId: area.id, name: unique("group"), purpose: "p", joinPolicy: "APPROVAL" },
  });
}

/** Everything an administration call could write in a partnership, to prove a refusal wrote nothing. */
async function footprint(db: Database, partnershipId: string) {
  const [partnership, localities, memberships, activities, notifications, subGroupMemberships, joinRequests] =
    await Promise.all([
      db.partnership.findUniqueOrThrow({ where: { id: partnershipId } }),
      db.locality.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
      db.membership.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
      db.activity.count({ where: { partnershipId } }),
      db.notification.count({ where: { partnershipId } }),
      db.subGroupMembership.findMany({ where: { subGroup: { partnershipId } }, orderBy: { id: "asc" } }),
      db.joinRequest.findMany({ where: { subGroup: { partnershipId } }, orderBy: { id: "asc" } }),
    ]);
  return { partnership, localities, memberships, activities, notifications, subGroupMemberships, joinRequests };
}

describe("partnership.update", () => {
  it("lets an officer edit the details and the welcome text, which the overview then shows", async () => {
    const { db } = database;
    const { partnership, officer, api } = await partnershipWithOfficer(db);

    const updated = await api.partnership.update({
      partnershipSlug: partnership.slug,
      name: "  Renfrewshire SPG  ",
      area: "Renfrewshire",
      description: "",
      welcomeText: "Welcome to the Strategic Planning Group.\nOur next meeting is on 3 March.",
    });

    expect(updated).toMatchObject({
      name: "Renfrewshire SPG",
      area: "Renfrewshire",
      description: null,
      welcomeText: "Welcome to the Strategic Planning Group.\nOur next meeting is on 3 March.",
    });
    const overview = await api.partnership.overview({ partnershipSlug: partnership.slug });
    expect(overview.name).toBe("Renfrewshire SPG");
    expect(overview.welcomeText).toBe("Welcome to the Strategic Planning Group.\nOur next meeting is on 3 March.");
    const activity = await db.activity.findFirstOrThrow({ where: { partnershipId: partnership.id } });
    expect(activity).toMatchObject({ kind: "PARTNERSHIP_UPDATED", actorId: officer.actor.userId });
  });

  it("refuses an empty name with a field message, and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db);
    const before = await footprint(db, partnership.id);

    const error = await errorOf(
      api.partnership.update({ partnershipSlug: partnership.slug, name: "   ", area: null, description: null, welcomeText: null }),
    );

    expect(error.code).toBe("BAD_REQUEST");
    expect(await footprint(db, partnership.id)).toEqual(before);
  });

  it("refuses members who are not officers", async () => {
    const { db } = database;
    const { partnership } = await partnershipWithOfficer(db);
    const chair = await createPerson(db);
    await addMember(db, partnership.id, chair.actor.userId, "CHAIR");
    const before = await footprint(db, partnership.id);

    const error = await errorOf(
      callerFor(db, chair.actor).partnership.update({ partnershipSlug: partnership.slug, name: "Taken over" }),
    );

    expect(error.code).toBe("FORBIDDEN");
    expect(await footprint(db, partnership.id)).toEqual(before);
  });
});

describe("localities", () => {
  it("adds, renames and removes a locality, recording each change", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db);

    const added = await api.partnership.addLocality({ partnershipSlug: partnership.slug, name: " Paisley " });
    expect(added.name).toBe("Paisley");
    const renamed = await api.partnership.renameLocality({ localityId: added.id, name: "Paisley and Linwood" });
    expect(renamed.name).toBe("Paisley and Linwood");
    const overview = await api.partnership.overview({ partnershipSlug: partnership.slug });
    expect(overview.localities).toEqual([{ id: added.id, name: "Paisley and Linwood" }]);

    await api.partnership.removeLocality({ localityId: added.id });

    expect(await db.locality.count({ where: { partnershipId: partnership.id } })).toBe(0);
    const summaries = (
      await db.activity.findMany({ where: { partnershipId: partnership.id }, orderBy: { createdAt: "asc" } })
    ).map((activity) => activity.summary);
    expect(summaries).toHaveLength(3);
    expect(summaries[0]).toContain("added the locality Paisley");
    expect(summaries[1]).toContain("renamed the locality Paisley to Paisley and Linwood");
    expect(summaries[2]).toContain("removed the locality Paisley and Linwood");
  });

  it("refuses a duplicate name (whatever its capitals) with a clear message, and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db, ["North", "South"]);
    const south = await db.locality.findFirstOrThrow({ where: { partnershipId: partnership.id, name: "South" } });
    const before = await footprint(db, partnership.id);

    const addError = await errorOf(api.partnership.addLocality({ partnershipSlug: partnership.slug, name: "north" }));
    const renameError = await errorOf(api.partnership.renameLocality({ localityId: south.id, name: "NORTH" }));

    for (const error of [addError, renameError]) {
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe('There is already a locality called "North" in this partnership.');
    }
    expect(await footprint(db, partnership.id)).toEqual(before);
  });

  it("lets a locality change the capitals of its own name, and the same name exist in another partnership", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db, ["north leeds"]);
    const other = await partnershipWithOfficer(db, ["North Leeds"]);
    const locality = await db.locality.findFirstOrThrow({ where: { partnershipId: partnership.id } });

    await expect(api.partnership.renameLocality({ localityId: locality.id, name: "North Leeds" })).resolves.toMatchObject({
      name: "North Leeds",
    });
    await expect(
      other.api.partnership.addLocality({ partnershipSlug: other.partnership.slug, name: "South Leeds" }),
    ).resolves.toMatchObject({ name: "South Leeds" });
  });

  it("creates only one of two identical localities added at the same moment", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db);

    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => api.partnership.addLocality({ partnershipSlug: partnership.slug, name: "Johnstone" })),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(result.reason).toBeInstanceOf(TRPCError);
      expect((result.reason as TRPCError).code).toBe("CONFLICT");
      expect((result.reason as TRPCError).message).toBe('There is already a locality called "Johnstone" in this partnership.');
    }
    expect(await db.locality.count({ where: { partnershipId: partnership.id } })).toBe(1);
  });

  it("refuses to remove a locality in use, saying by how many, and deletes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db, ["Renfrew"]);
    const locality = await db.locality.findFirstOrThrow({ where: { partnershipId: partnership.id } });
    const organisation = await createOrganisation(db);
    await db.partnershipOrganisation.create({
      data: { partnershipId: partnership.id, organisationId: organisation.id, localityId: locality.id },
    });
    for (let i = 0; i < 2; i++) {
      const person = await createPerson(db);
      await db.membership.create({
        data: { partnershipId: partnership.id, userId: person.actor.userId, role: "MEMBER", localityId: locality.id },
      });
    }
    const before = await footprint(db, partnership.id);

    const error = await errorOf(api.partnership.removeLocality({ localityId: locality.id }));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "Renfrew cannot be removed because 1 organisation and 2 members are placed in it. Move them to another locality first.",
    );
    expect(await footprint(db, partnership.id)).toEqual(before);
    expect(await db.partnershipOrganisation.count({ where: { localityId: locality.id } })).toBe(1);
  });

  it("treats a locality of another partnership as not found", async () => {
    const { db } = database;
    const { api } = await partnershipWithOfficer(db);
    const elsewhere = await partnershipWithOfficer(db, ["Elsewhere"]);
    const locality = await db.locality.findFirstOrThrow({ where: { partnershipId: elsewhere.partnership.id } });

    const error = await errorOf(api.partnership.removeLocality({ localityId: locality.id }));

    expect(error.code).toBe("NOT_FOUND");
    expect(await db.locality.count({ where: { id: locality.id } })).toBe(1);
  });
});

describe("membership.list", () => {
  it("lists members with organisation, sector, role and joined date, and only the open invitations", async () => {
    const { db } = database;
    const { partnership, officer, api } = await partnershipWithOfficer(db);
    const charity = await createOrganisation(db, { name: `Carers Centre ${unique()}`, sector: "VOLUNTARY" });
    const member = await createPerson(db, { name: "Aileen Brown", organisationId: charity.id });
    const membership = await addMember(db, partnership.id, member.actor.userId, "MEMBER");
    const resident = await createPerson(db, { name: "Zak Resident" });
    await addMember(db, partnership.id, resident.actor.userId, "OBSERVER");
    const base = { partnershipId: partnership.id, role: "MEMBER" as const, invitedById: officer.actor.userId };
    const day = 24 * 3600 * 1000;
    await db.invitation.createMany({
      data: [
        { ...base, email: "open@example.org", tokenHash: unique("h"), expiresAt: new Date(Date.now() + day), sendCount: 2 },
        { ...base, email: "expired@example.org", tokenHash: unique("h"), expiresAt: new Date(Date.now() - day) },
        { ...base, email: "accepted@example.org", tokenHash: unique("h"), expiresAt: new Date(Date.now() + day), acceptedAt: new Date() },
        { ...base, email: "revoked@example.org", tokenHash: unique("h"), expiresAt: new Date(Date.now() + day), revokedAt: new Date() },
      ],
    });

    const result = await api.membership.list({ partnershipSlug: partnership.slug });

    expect(result.officerCount).toBe(1);
    expect(result.members.map((m) => m.name)).toEqual(["Aileen Brown", officer.user.name, "Zak Resident"]);
    expect(result.members[0]).toEqual({
      membershipId: membership.id,
      userId: member.actor.userId,
      name: "Aileen Brown",
      email: member.actor.email,
      organisation: { id: charity.id, name: charity.name, sector: "VOLUNTARY" },
      role: "MEMBER",
      takesPart: true,
      joinedAt: membership.createdAt,
    });
    expect(result.members[2]?.organisation).toBeNull();
    const invitations = Object.fromEntries(result.invitations.map((i) => [i.email, i]));
    expect(Object.keys(invitations).sort()).toEqual(["expired@example.org", "open@example.org"]);
    expect(invitations["open@example.org"]).toMatchObject({ expired: false, sendCount: 2, invitedBy: officer.user.name, role: "MEMBER" });
    expect(invitations["expired@example.org"]).toMatchObject({ expired: true, sendCount: 1 });
  });
});

describe("membership.changeRole", () => {
  it("takes effect on the person's next request, is recorded, and tells them", async () => {
    const { db } = database;
    const { partnership, officer, api } = await partnershipWithOfficer(db);
    const person = await createPerson(db);
    const membership = await addMember(db, partnership.id, person.actor.userId, "MEMBER");
    const theirApi = callerFor(db, person.actor);
    expect((await errorOf(theirApi.membership.list({ partnershipSlug: partnership.slug }))).code).toBe("FORBIDDEN");

    const result = await api.membership.changeRole({ membershipId: membership.id, role: "OFFICER" });

    expect(result).toMatchObject({ membershipId: membership.id, role: "OFFICER", changed: true });
    // Officers keep everything a member had beneath the partnership.
    expect(result.ended).toEqual({ leadershipsEnded: [], subGroupsLeft: [], coAuthorshipsEnded: [], panelSeatsEnded: [], projectTeamsLeft: [] });
    await expect(theirApi.membership.list({ partnershipSlug: partnership.slug })).resolves.toMatchObject({ officerCount: 2 });
    const activity = await db.activity.findFirstOrThrow({ where: { partnershipId: partnership.id, kind: "ROLE_CHANGED" } });
    expect(activity.actorId).toBe(officer.actor.userId);
    expect(activity.summary).toContain("from Member to Officer");
    const notification = await db.notification.findFirstOrThrow({ where: { userId: person.actor.userId } });
    expect(notification).toMatchObject({ kind: "ROLE_CHANGED", partnershipId: partnership.id, linkPath: `/p/${partnership.slug}` });
    expect(notification.title).toBe(`Your role in ${partnership.name} is now Officer`);

    // And back: the demoted officer loses administration at once.
    await api.membership.changeRole({ membershipId: membership.id, role: "OBSERVER" });
    expect((await errorOf(theirApi.membership.list({ partnershipSlug: partnership.slug }))).code).toBe("FORBIDDEN");
  });

  it("changes nothing when the role is already the one asked for", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db);
    const person = await createPerson(db);
    const membership = await addMember(db, partnership.id, person.actor.userId, "CHAIR");
    const before = await footprint(db, partnership.id);

    await expect(api.membership.changeRole({ membershipId: membership.id, role: "CHAIR" })).resolves.toEqual({
      membershipId: membership.id,
      role: "CHAIR",
      changed: false,
    });
    expect(await footprint(db, partnership.id)).toEqual(before);
  });

  it("refuses to demote the last officer, and writes nothing", async () => {
    const { db } = database;
    const { partnership, officer, officerMembership, api } = await partnershipWithOfficer(db);
    const before = await footprint(db, partnership.id);

    const error = await errorOf(api.membership.changeRole({ membershipId: officerMembership.id, role: "MEMBER" }));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      `${officer.user.name} is the partnership's only officer, so you cannot change their role. Make someone else an officer first.`,
    );
    expect(await footprint(db, partnership.id)).toEqual(before);
  });

  it("lets an officer step down when another officer remains", async () => {
    const { db } = database;
    const { partnership, officerMembership, api } = await partnershipWithOfficer(db);
    const second = await createPerson(db);
    await addMember(db, partnership.id, second.actor.userId, "OFFICER");

    await api.membership.changeRole({ membershipId: officerMembership.id, role: "CHAIR" });

    expect(await db.membership.findUniqueOrThrow({ where: { id: officerMembership.id } })).toMatchObject({ role: "CHAIR" });
    expect((await errorOf(api.membership.list({ partnershipSlug: partnership.slug }))).code).toBe("FORBIDDEN");
  });

  it("lets exactly one of two simultaneous demotions of the last two officers through", async () => {
    const { db } = database;
    for (let round = 0; round < 5; round++) {
      const { partnership, officer, officerMembership } = await partnershipWithOfficer(db);
      const second = await createPerson(db);
      const secondMembership = await addMember(db, partnership.id, second.actor.userId, "OFFICER");

      // Each officer demotes the other at the same moment. The domain functions are called
      // directly so that both are certainly past the policy check when they race.
      const results = await Promise.allSettled([
        changeMemberRole(db, officer.actor, partnership.id, { membershipId: secondMembership.id, role: "MEMBER" }),
        changeMemberRole(db, second.actor, partnership.id, { membershipId: officerMembership.id, role: "MEMBER" }),
      ]);

      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
      expect(refused.reason).toBeInstanceOf(AppError);
      expect((refused.reason as AppError).code).toBe("CONFLICT");
      expect(await db.membership.count({ where: { partnershipId: partnership.id, role: "OFFICER" } })).toBe(1);
      expect(await db.activity.count({ where: { partnershipId: partnership.id, kind: "ROLE_CHANGED" } })).toBe(1);
    }
  });

  it("treats a membership of another partnership as not found, and refuses non-officers", async () => {
    const { db } = database;
    const { partnership, api } = await partnershipWithOfficer(db);
    const elsewhere = await partnershipWithOfficer(db);
    const chair = await createPerson(db);
    await addMember(db, partnership.id, chair.actor.userId, "CHAIR");
    const spare = await createPerson(db);
    const spareMembership = await addMember(db, partnership.id, spare.actor.userId, "MEMBER");

    expect((await errorOf(api.membership.changeRole({ membershipId: elsewhere.officerMembership.id, role: "MEMBER" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await errorOf(callerFor(db, chair.actor).membership.changeRole({ membershipId: spareMembership.id, role: "OFFICER" }))).code,
    ).toBe("FORBIDDEN");
    expect(await db.membership.findUniqueOrThrow({ where: { id: elsewhere.officerMembership.id } })).toMatchObject({ role: "OFFICER" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: spareMembership.id } })).toMatchObject({ role: "MEMBER" });
  });
});

describe("membership.remove", () => {
  it("removes the member with their sub-group places there and withdraws their pending requests, in this partnership only", async () => {
    const { db } = database;
    const { partnership, officer, api } = await partnershipWithOfficer(db);
    const elsewhere = await partnershipWithOfficer(db);
    const person = await createPerson(db, { name: "Morag Leaving" });
    const membership = await addMember(db, partnership.id, person.actor.userId, "MEMBER");
    await addMember(db, elsewhere.partnership.id, person.actor.userId, "MEMBER");
    const [groupA, groupB, groupC, otherGroup] = await Promise.all([
      createSubGroup(db, partnership.id),
      createSubGroup(db, partnership.id),
      createSubGroup(db, partnership.id),
      createSubGroup(db, elsewhere.partnership.id),
    ]);
    await db.subGroupMembership.createMany({
      data: [
        // A co-lead stays, so removing Morag leaves nobody without a lead (that would be refused).
        { subGroupId: groupA.id, userId: person.actor.userId, role: "LEAD" },
        { subGroupId: groupA.id, userId: officer.actor.userId, role: "LEAD" },
        { subGroupId: otherGroup.id, userId: person.actor.userId, role: "MEMBER" },
      ],
    });
    const pending = await db.joinRequest.create({ data: { subGroupId: groupB.id, userId: person.actor.userId } });
    const declined = await db.joinRequest.create({
      data: { subGroupId: groupC.id, userId: person.actor.userId, status: "DECLINED", decidedAt: new Date(), decidedById: officer.actor.userId },
    });
    const pendingElsewhere = await db.joinRequest.create({ data: { subGroupId: otherGroup.id, userId: person.actor.userId } });

    const result = await api.membership.remove({ membershipId: membership.id });

    expect(result).toMatchObject({ membershipId: membership.id, name: "Morag Leaving", subGroupPlacesRemoved: 1, joinRequestsWithdrawn: 1 });
    expect(await db.membership.count({ where: { id: membership.id } })).toBe(0);
    expect(await db.subGroupMembership.count({ where: { userId: person.actor.userId, subGroup: { partnershipId: partnership.id } } })).toBe(0);
    expect(await db.subGroupMembership.count({ where: { subGroupId: groupA.id } })).toBe(1); // the officer stays
    expect(await db.subGroupMembership.count({ where: { userId: person.actor.userId, subGroupId: otherGroup.id } })).toBe(1);
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("WITHDRAWN");
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: declined.id } })).status).toBe("DECLINED");
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: pendingElsewhere.id } })).status).toBe("PENDING");
    const activity = await db.activity.findFirstOrThrow({ where: { partnershipId: partnership.id, kind: "PARTNERSHIP_MEMBER_REMOVED" } });
    expect(activity.summary).toContain("removed Morag Leaving from the partnership");

    // On their next request they are no longer in the partnership; the other one is untouched.
    const theirApi = callerFor(db, person.actor);
    expect((await errorOf(theirApi.partnership.overview({ partnershipSlug: partnership.slug }))).code).toBe("NOT_FOUND");
    await expect(theirApi.partnership.overview({ partnershipSlug: elsewhere.partnership.slug })).resolves.toBeTruthy();
  });

  it("refuses to remove the last officer (even themself), and writes nothing", async () => {
    const { db } = database;
    const { partnership, officerMembership, api } = await partnershipWithOfficer(db);
    const member = await createPerson(db);
    await addMember(db, partnership.id, member.actor.userId, "MEMBER");
    const before = await footprint(db, partnership.id);

    const error = await errorOf(api.membership.remove({ membershipId: officerMembership.id }));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("is the partnership's only officer, so you cannot remove them");
    expect(await footprint(db, partnership.id)).toEqual(before);
  });

  it("lets exactly one of two simultaneous removals of the last two officers through", async () => {
    const { db } = database;
    const { partnership, officer, officerMembership } = await partnershipWithOfficer(db);
    const second = await createPerson(db);
    const secondMembership = await addMember(db, partnership.id, second.actor.userId, "OFFICER");

    const results = await Promise.allSettled([
      removeMember(db, officer.actor, partnership.id, { membershipId: secondMembership.id }),
      removeMember(db, second.actor, partnership.id, { membershipId: officerMembership.id }),
    ]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((refused.reason as AppError).code).toBe("CONFLICT");
    expect(await db.membership.count({ where: { partnershipId: partnership.id, role: "OFFICER" } })).toBe(1);
  });
});
