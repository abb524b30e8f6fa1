import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createOrganisation, createPartnership, createPerson } from "./support/factories";

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

describe("partnership.mine", () => {
  it("lists only the partnerships the person belongs to, with their role and counts", async () => {
    const { db } = database;
    const mine = await createPartnership(db, { name: "Alpha SPG", localities: ["North", "South"] });
    const other = await createPartnership(db, { name: "Beta SPG" });
    const { actor } = await createPerson(db);
    const colleague = await createPerson(db);
    await addMember(db, mine.id, actor.userId, "CHAIR");
    await addMember(db, mine.id, colleague.actor.userId, "MEMBER");
    await addMember(db, other.id, colleague.actor.userId, "MEMBER");

    const result = await callerFor(db, actor).partnership.mine();

    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      slug: mine.slug,
      name: "Alpha SPG",
      myRole: "CHAIR",
      memberCount: 2,
      localityCount: 2,
      organisationCount: 0,
    });
  });

  it("refuses anonymous callers", async () => {
    const error = await errorOf(callerFor(database.db, null).partnership.mine());
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toBe("Please sign in to continue.");
  });
});

describe("partnership.overview", () => {
  it("shows members the sector mix of the partnership, counting people without an organisation as individuals", async () => {
    const { db } = database;
    const partnership = await createPartnership(db, { localities: ["Paisley"] });
    const voluntary = await createOrganisation(db, { sector: "VOLUNTARY" });
    const publicBody = await createOrganisation(db, { sector: "PUBLIC", type: "NHS_BODY" });
    await db.partnershipOrganisation.create({ data: { partnershipId: partnership.id, organisationId: voluntary.id } });
    const a = await createPerson(db, { organisationId: voluntary.id });
    const b = await createPerson(db, { organisationId: voluntary.id });
    const c = await createPerson(db, { organisationId: publicBody.id });
    const resident = await createPerson(db, { organisationId: null });
    await addMember(db, partnership.id, a.actor.userId, "OFFICER");
    await addMember(db, partnership.id, b.actor.userId);
    await addMember(db, partnership.id, c.actor.userId);
    await addMember(db, partnership.id, resident.actor.userId, "OBSERVER");

    const overview = await callerFor(db, resident.actor).partnership.overview({ partnershipSlug: partnership.slug });

    expect(overview.myRole).toBe("OBSERVER");
    expect(overview.memberCount).toBe(4);
    expect(overview.membersBySector).toEqual({ VOLUNTARY: 2, PUBLIC: 1, PRIVATE: 0, COMMUNITY: 0, INDIVIDUAL: 1 });
    expect(overview.localities.map((l) => l.name)).toEqual(["Paisley"]);
    expect(overview.organisations).toEqual([
      expect.objectContaining({ id: voluntary.id, sector: "VOLUNTARY", locality: null }),
    ]);
  });

  it("answers a partnership the person is not in exactly like one that does not exist", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const { actor } = await createPerson(db);

    const notMine = await errorOf(callerFor(db, actor).partnership.overview({ partnershipSlug: partnership.slug }));
    const missing = await errorOf(callerFor(db, actor).partnership.overview({ partnershipSlug: "no-such-partnership" }));

    expect(notMine.code).toBe("NOT_FOUND");
    expect(missing.code).toBe("NOT_FOUND");
    expect(notMine.message).toBe(missing.message);
  });

  it("stops a removed member at their very next request", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const { actor } = await createPerson(db);
    const membership = await addMember(db, partnership.id, actor.userId);
    const api = callerFor(db, actor);

    await expect(api.partnership.overview({ partnershipSlug: partnership.slug })).resolves.toMatchObject({
      id: partnership.id,
    });
    await db.membership.delete({ where: { id: membership.id } });

    const error = await errorOf(api.partnership.overview({ partnershipSlug: partnership.slug }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("rejects a malformed partnership reference with a clear message before touching the data", async () => {
    const { db } = database;
    const { actor } = await createPerson(db);
    const error = await errorOf(callerFor(db, actor).partnership.overview({ partnershipSlug: "Not A Slug!" }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("me.profile", () => {
  it("returns the signed-in person's own profile with their organisation", async () => {
    const { db } = database;
    const organisation = await createOrganisation(db, { name: "Engage Test", sector: "VOLUNTARY" });
    const { actor, user } = await createPerson(db, { name: "Sandra Test", organisationId: organisation.id });

    const profile = await callerFor(db, actor).me.profile();

    expect(profile).toMatchObject({
      id: user.id,
      name: "Sandra Test",
      email: user.email,
      organisation: { id: organisation.id, name: "Engage Test", sector: "VOLUNTARY" },
    });
  });
});
