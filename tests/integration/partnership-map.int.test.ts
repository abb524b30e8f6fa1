import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import type { Sector } from "@/server/db/generated/enums";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { subGroupInSentence } from "@/lib/schemas/sub-groups";
import {
  addMember,
  createOrganisation,
  createOrganisationIn,
  createPartnership,
  createPerson,
  createPriorityArea,
  createSubGroup,
} from "./support/factories";

const database = withTestDatabase();

const counts = (partial: Partial<Record<Sector | "INDIVIDUAL", number>> = {}) => ({
  VOLUNTARY: 0,
  PUBLIC: 0,
  PRIVATE: 0,
  COMMUNITY: 0,
  INDIVIDUAL: 0,
  ...partial,
});

const area = (db: Database, partnershipId: string, title: string, position: number, archived = false) =>
  createPriorityArea(db, partnershipId, { title, position, archived });

const subGroup = (db: Database, partnershipId: string, priorityAreaId: string, name: string, archived = false) =>
  createSubGroup(db, { partnershipId, id: priorityAreaId }, { name, archived });

/**
 * Localities Chapeltown, Gipton, Seacroft. Organisations: a charity in Seacroft, a
 * council for the whole area, a community group in Chapeltown, a charity in Gipton.
 * Priority areas (in position order): Carers (Short breaks, Young carers, and an
 * archived sub-group), Mental health (Peer support), Housing (one empty sub-group),
 * Loneliness (no sub-group), and an archived area with members.
 */
async function buildConstructedPartnership(db: Database) {
  const partnership = await createPartnership(db, { localities: ["Seacroft", "Chapeltown", "Gipton"] });
  const localities = await db.locality.findMany({ where: { partnershipId: partnership.id } });
  const locality = (name: string) => localities.find((l) => l.name === name)!;
  const [seacroft, chapeltown, gipton] = [locality("Seacroft"), locality("Chapeltown"), locality("Gipton")];
  const join = (sector: Sector, localityId: string | null) =>
    createOrganisationIn(db, partnership.id, { sector, type: sector === "PUBLIC" ? "COUNCIL" : "CHARITY", localityId });
  const charity = await join("VOLUNTARY", seacroft.id);
  const council = await join("PUBLIC", null);
  const communityGroup = await join("COMMUNITY", chapeltown.id);
  await join("VOLUNTARY", gipton.id);

  const carers = await area(db, partnership.id, "Carers", 0);
  const mentalHealth = await area(db, partnership.id, "Mental health", 1);
  const housing = await area(db, partnership.id, "Housing", 2);
  const loneliness = await area(db, partnership.id, "Loneliness", 3);
  const archivedArea = await area(db, partnership.id, "Retired priority", 4, true);
  const shortBreaks = await subGroup(db, partnership.id, carers.id, "Short breaks");
  const youngCarers = await subGroup(db, partnership.id, carers.id, "Young carers");
  const oldCarers = await subGroup(db, partnership.id, carers.id, "Old carers group", true);
  const peerSupport = await subGroup(db, partnership.id, mentalHealth.id, "Peer support");
  const housingGroup = await subGroup(db, partnership.id, housing.id, "Housing first");
  const retiredGroup = await subGroup(db, partnership.id, archivedArea.id, "Retired group");

  const person = async (organisationId: string | null, localityId: string | null) => {
    const { user, actor } = await createPerson(db, { organisationId });
    await db.membership.create({ data: { partnershipId: partnership.id, userId: user.id, role: "MEMBER", localityId } });
    return { id: user.id, actor };
  };
  const volunteer = await person(charity.id, null); // Seacroft, through the charity
  const publicInSeacroft = await person(council.id, seacroft.id); // the membership's locality wins
  const publicWholeArea = await person(council.id, null);
  const resident = await person(null, chapeltown.id);
  const communityMember = await person(communityGroup.id, null); // only in archived groups
  const leftPartnership = await createPerson(db, { organisationId: council.id }); // in a sub-group, no membership

  await db.subGroupMembership.createMany({
    data: [
      { subGroupId: shortBreaks.id, userId: volunteer.id, role: "LEAD" },
      { subGroupId: shortBreaks.id, userId: publicInSeacroft.id, role: "MEMBER" },
      { subGroupId: youngCarers.id, userId: publicInSeacroft.id, role: "LEAD" },
      { subGroupId: youngCarers.id, userId: publicWholeArea.id, role: "MEMBER" },
      { subGroupId: youngCarers.id, userId: resident.id, role: "MEMBER" },
      { subGroupId: peerSupport.id, userId: volunteer.id, role: "MEMBER" },
      { subGroupId: oldCarers.id, userId: communityMember.id, role: "MEMBER" },
      { subGroupId: retiredGroup.id, userId: communityMember.id, role: "LEAD" },
      { subGroupId: peerSupport.id, userId: leftPartnership.user.id, role: "MEMBER" },
    ],
  });
  const observer = await createPerson(db);
  await addMember(db, partnership.id, observer.actor.userId, "OBSERVER");

  return {
    partnership,
    seacroft,
    chapeltown,
    gipton,
    carers,
    mentalHealth,
    housing,
    loneliness,
    shortBreaks,
    youngCarers,
    peerSupport,
    housingGroup,
    observer,
  };
}

let built: ReturnType<typeof buildConstructedPartnership> | undefined;
/** One constructed partnership for the tests that only read it; a test that changes it builds its own. */
const constructedPartnership = () => (built ??= buildConstructedPartnership(database.db));

describe("directory.map", () => {
  it("counts members per sector in each locality from real sub-group memberships, ignoring archived areas and sub-groups", async () => {
    const { db } = database;
    const p = await constructedPartnership();
    const map = await callerFor(db, p.observer.actor).directory.map({ partnershipSlug: p.partnership.slug });

    expect(map.columns).toEqual([
      { localityId: p.chapeltown.id, name: "Chapeltown" },
      { localityId: p.gipton.id, name: "Gipton" },
      { localityId: p.seacroft.id, name: "Seacroft" },
      { localityId: null, name: "Whole area" },
    ]);
    expect(map.rows.map((row) => [row.title, row.subGroups.map((group) => group.name)])).toEqual([
      ["Carers", ["Short breaks", "Young carers"]],
      ["Mental health", ["Peer support"]],
      ["Housing", ["Housing first"]],
      ["Loneliness", []],
    ]);

    const [carers, mentalHealth, housing] = map.rows;
    const [shortBreaks, youngCarers] = carers!.subGroups;
    expect(shortBreaks!.cells).toEqual([counts(), counts(), counts({ VOLUNTARY: 1, PUBLIC: 1 }), counts()]);
    expect(shortBreaks!.href).toBe(`/p/${p.partnership.slug}/groups/${p.shortBreaks.id}`);
    expect(youngCarers!.cells).toEqual([counts({ INDIVIDUAL: 1 }), counts(), counts({ PUBLIC: 1 }), counts({ PUBLIC: 1 })]);
    expect(youngCarers!.total).toEqual(counts({ PUBLIC: 2, INDIVIDUAL: 1 }));
    // The priority area counts people once, though one is in both of its sub-groups;
    // the community member of the archived sub-group is not counted.
    expect(carers!.cells).toEqual([
      counts({ INDIVIDUAL: 1 }),
      counts(),
      counts({ VOLUNTARY: 1, PUBLIC: 1 }),
      counts({ PUBLIC: 1 }),
    ]);
    expect(carers!.total).toEqual(counts({ VOLUNTARY: 1, PUBLIC: 2, INDIVIDUAL: 1 }));
    // Someone no longer in the partnership is not counted.
    expect(mentalHealth!.total).toEqual(counts({ VOLUNTARY: 1 }));
    expect(housing!.total).toEqual(counts());
  });

  it("states the gaps by the documented rules, most important first, with links to act on them", async () => {
    const { db } = database;
    const p = await constructedPartnership();
    const map = await callerFor(db, p.observer.actor).directory.map({ partnershipSlug: p.partnership.slug });
    const slug = p.partnership.slug;

    expect(map.gaps.map((gap) => [gap.rule, gap.statement])).toEqual([
      ["AREA_EMPTY", "The Housing priority has no members in any of its sub-groups yet."],
      ["AREA_SECTOR", "The Mental health priority has no public-sector member at all."],
      ["SUBGROUP_SECTOR", "The Young carers sub-group (Carers) has no voluntary-sector member."],
      [
        "LOCALITY_ABSENT",
        "No one from Gipton is in any sub-group, although 1 organisation there takes part in the partnership.",
      ],
      ["AREA_LOCALITY", "No one from Chapeltown is in any sub-group of the Mental health priority."],
      [
        "SUBGROUP_LOCALITY_SECTOR",
        "No community-sector member in the Short breaks sub-group from Chapeltown, where 1 community organisation takes part.",
      ],
      [
        "SUBGROUP_LOCALITY_SECTOR",
        "No community-sector member in the Young carers sub-group from Chapeltown, where 1 community organisation takes part.",
      ],
    ]);
    expect(map.totalGaps).toBe(7);

    const bySubGroupSector = map.gaps.find((gap) => gap.rule === "SUBGROUP_SECTOR")!;
    expect(bySubGroupSector).toMatchObject({ subGroupId: p.youngCarers.id, priorityAreaId: p.carers.id, sector: "VOLUNTARY" });
    expect(bySubGroupSector.links.map((link) => link.href)).toEqual([
      `/p/${slug}/groups/${p.youngCarers.id}`,
      `/p/${slug}/directory?sector=VOLUNTARY&priorityAreaId=${p.carers.id}`,
    ]);
    const areaSector = map.gaps.find((gap) => gap.rule === "AREA_SECTOR")!;
    expect(areaSector.links.map((link) => link.href)).toContain(`/p/${slug}/directory?sector=PUBLIC`);
    const localityGap = map.gaps.find((gap) => gap.rule === "LOCALITY_ABSENT")!;
    expect(localityGap.localityId).toBe(p.gipton.id);
    expect(localityGap.links.map((link) => link.href)).toEqual([
      `/p/${slug}/directory?view=organisations&localityId=${p.gipton.id}`,
      `/p/${slug}/directory?localityId=${p.gipton.id}`,
    ]);
    const fine = map.gaps.find((gap) => gap.rule === "SUBGROUP_LOCALITY_SECTOR")!;
    expect(fine.links.map((link) => link.href)).toEqual([
      `/p/${slug}/groups/${p.shortBreaks.id}`,
      `/p/${slug}/directory?sector=COMMUNITY&localityId=${p.chapeltown.id}`,
      `/p/${slug}/directory?view=organisations&sector=COMMUNITY&localityId=${p.chapeltown.id}`,
    ]);
    // Every link says where it goes.
    for (const gap of map.gaps) for (const link of gap.links) expect(link.label.length).toBeGreaterThan(5);
  });

  it("names sub-groups naturally, whatever they are called", () => {
    expect(subGroupInSentence("Short breaks")).toBe("the Short breaks sub-group");
    expect(subGroupInSentence("Carers sub-group")).toBe("the Carers sub-group");
    expect(subGroupInSentence("Holt Park ageing well group")).toBe("the Holt Park ageing well group");
  });

  it("never says \"sub-group sub-group\" of a sub-group whose name already ends so", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const mentalHealth = await area(db, partnership.id, "Mental health", 0);
    const peerSupport = await subGroup(db, partnership.id, mentalHealth.id, "Peer support");
    const named = await subGroup(db, partnership.id, mentalHealth.id, "Mental health sub-group");
    for (const sector of ["VOLUNTARY", "PUBLIC"] as const) {
      const organisation = await createOrganisationIn(db, partnership.id, { sector, type: sector === "PUBLIC" ? "COUNCIL" : "CHARITY", localityId: null });
      const { actor } = await createPerson(db, { organisationId: organisation.id });
      await addMember(db, partnership.id, actor.userId, "MEMBER");
      await db.subGroupMembership.create({ data: { subGroupId: peerSupport.id, userId: actor.userId, role: "MEMBER" } });
    }
    const { actor } = await createPerson(db);
    await addMember(db, partnership.id, actor.userId, "MEMBER");

    const map = await callerFor(db, actor).directory.map({ partnershipSlug: partnership.slug });
    const empty = map.gaps.find((gap) => gap.rule === "SUBGROUP_EMPTY" && gap.subGroupId === named.id)!;
    expect(empty.statement).toBe("The Mental health sub-group (Mental health) has no members yet.");
    expect(empty.links[0]!.label).toBe("Open the Mental health sub-group");
    expect(JSON.stringify(map)).not.toMatch(/sub-group sub-group/i);
  });

  it("follows membership changes: filling a gap removes it", async () => {
    const { db } = database;
    const p = await buildConstructedPartnership(db);
    const before = await callerFor(db, p.observer.actor).directory.map({ partnershipSlug: p.partnership.slug });
    expect(before.gaps.some((gap) => gap.rule === "AREA_SECTOR" && gap.priorityAreaId === p.mentalHealth.id)).toBe(true);

    const council = await createOrganisation(db, { sector: "PUBLIC", type: "NHS_BODY" });
    const nurse = await createPerson(db, { organisationId: council.id });
    await db.membership.create({
      data: { partnershipId: p.partnership.id, userId: nurse.actor.userId, role: "MEMBER", localityId: p.chapeltown.id },
    });
    await db.subGroupMembership.create({ data: { subGroupId: p.peerSupport.id, userId: nurse.actor.userId, role: "MEMBER" } });

    const after = await callerFor(db, p.observer.actor).directory.map({ partnershipSlug: p.partnership.slug });
    const statements = after.gaps.map((gap) => gap.statement);
    expect(statements).not.toContain("The Mental health priority has no public-sector member at all.");
    expect(statements).not.toContain("No one from Chapeltown is in any sub-group of the Mental health priority.");
    expect(after.rows[1]!.cells[0]).toEqual(counts({ PUBLIC: 1 }));
  });

  it("keeps the list of gaps to the 20 most important and says how many there are", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    for (let position = 0; position < 22; position += 1) {
      const priority = await area(db, partnership.id, `Priority ${String(position).padStart(2, "0")}`, position);
      await subGroup(db, partnership.id, priority.id, `Group ${position}`);
    }
    const { actor } = await createPerson(db);
    await addMember(db, partnership.id, actor.userId, "MEMBER");

    const map = await callerFor(db, actor).directory.map({ partnershipSlug: partnership.slug });
    expect(map.totalGaps).toBe(22);
    expect(map.gaps).toHaveLength(20);
    expect(map.gaps[0]!.statement).toBe("The Priority 00 priority has no members in any of its sub-groups yet.");
    expect(map.columns).toEqual([{ localityId: null, name: "Whole area" }]);
  });

  it("shows nothing of another partnership", async () => {
    const { db } = database;
    const p = await constructedPartnership();
    const other = await createPartnership(db, { localities: ["Elsewhere"] });
    const { actor } = await createPerson(db);
    await addMember(db, other.id, actor.userId, "OFFICER");
    const map = await callerFor(db, actor).directory.map({ partnershipSlug: other.slug });
    expect(map).toEqual({
      columns: [
        { localityId: expect.any(String), name: "Elsewhere" },
        { localityId: null, name: "Whole area" },
      ],
      rows: [],
      gaps: [],
      totalGaps: 0,
    });
    expect(JSON.stringify(map)).not.toContain(p.carers.id);
  });
});
