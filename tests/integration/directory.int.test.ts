import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import {
  createOrganisation,
  createOrganisationIn,
  createPartnership,
  createPerson,
  createPriorityArea,
  createSubGroup,
  unique,
} from "./support/factories";

const database = withTestDatabase();

type PersonSpec = {
  name?: string;
  organisationId?: string | null;
  jobTitle?: string | null;
  interests?: string[];
  bio?: string | null;
  phone?: string | null;
  listedInDirectory?: boolean;
  showEmail?: boolean;
  showPhone?: boolean;
  localityId?: string | null;
  role?: MembershipRole;
};

/** A member of the partnership with the directory profile given. */
async function member(db: Database, partnershipId: string, spec: PersonSpec = {}) {
  const { user, actor } = await createPerson(db, { name: spec.name, organisationId: spec.organisationId ?? null });
  await db.user.update({
    where: { id: user.id },
    data: {
      jobTitle: spec.jobTitle ?? null,
      interests: spec.interests ?? [],
      bio: spec.bio ?? null,
      phone: spec.phone ?? null,
      listedInDirectory: spec.listedInDirectory ?? true,
      showEmail: spec.showEmail ?? false,
      showPhone: spec.showPhone ?? false,
    },
  });
  await db.membership.create({
    data: { partnershipId, userId: user.id, role: spec.role ?? "MEMBER", localityId: spec.localityId ?? null },
  });
  return { user, actor };
}

/**
 * A small partnership: two localities, a charity in Seacroft, a council across the whole
 * area, a community group in Chapeltown; a priority area with one active and one
 * archived sub-group; a viewer who is an observer.
 */
async function buildPartnership(db: Database) {
  const tag = unique("dir");
  const partnership = await createPartnership(db, { localities: ["Seacroft", "Chapeltown"] });
  const localities = await db.locality.findMany({ where: { partnershipId: partnership.id } });
  const seacroft = localities.find((l) => l.name === "Seacroft")!;
  const chapeltown = localities.find((l) => l.name === "Chapeltown")!;
  const charity = await createOrganisationIn(db, partnership.id, {
    name: `Carers Leeds ${tag}`,
    sector: "VOLUNTARY",
    type: "CHARITY",
    localityId: seacroft.id,
  });
  const council = await createOrganisationIn(db, partnership.id, {
    name: `Leeds City Council ${tag}`,
    sector: "PUBLIC",
    type: "COUNCIL",
  });
  const communityGroup = await createOrganisationIn(db, partnership.id, {
    name: `Chapeltown Tenants ${tag}`,
    sector: "COMMUNITY",
    type: "COMMUNITY_GROUP",
    localityId: chapeltown.id,
  });
  const viewer = await member(db, partnership.id, { name: `Viewer ${tag}`, role: "OBSERVER", listedInDirectory: false });
  const area = await createPriorityArea(db, partnership.id, { title: "Carers", position: 0 });
  const otherArea = await createPriorityArea(db, partnership.id, { title: "Mental health", position: 1 });
  const subGroup = await createSubGroup(db, area, { name: `Short breaks ${tag}` });
  const archivedSubGroup = await createSubGroup(db, otherArea, { name: `Old group ${tag}`, archived: true });
  return { tag, partnership, seacroft, chapeltown, charity, council, communityGroup, viewer, area, otherArea, subGroup, archivedSubGroup };
}

const slugOf = (p: { slug: string }) => ({ partnershipSlug: p.slug });

describe("directory.people", () => {
  it("searches names, job titles, organisation names and interests, ignoring case and matching parts of words", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const amara = await member(db, s.partnership.id, { name: `Amara Okafor ${s.tag}`, organisationId: s.charity.id, jobTitle: "Carers Support Worker" });
    const ben = await member(db, s.partnership.id, { name: `Ben Hollis ${s.tag}`, organisationId: s.council.id, jobTitle: "Commissioning Manager", interests: ["dementia", "social prescribing"] });
    const cara = await member(db, s.partnership.id, { name: `Cara Lund ${s.tag}`, interests: ["young carers"] });
    const api = callerFor(db, s.viewer.actor);
    const names = async (q: string) =>
      (await api.directory.people({ ...slugOf(s.partnership), q })).people.map((p) => p.userId).sort();

    expect(await names("AMARA")).toEqual([amara.user.id]);
    expect(await names("commissioning")).toEqual([ben.user.id]);
    expect(await names("city council")).toEqual([ben.user.id]);
    expect(await names("PRESCRIB")).toEqual([ben.user.id]);
    // "carer" is in Amara's job title and organisation, and in Cara's interests.
    expect(await names("carer")).toEqual([amara.user.id, cara.user.id].sort());
    // Every word must match somewhere.
    expect(await names("carer lund")).toEqual([cara.user.id]);
    expect(await names(`nobody-called-this ${s.tag}`)).toEqual([]);
  });

  it("treats % and _ in a search as ordinary characters", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const odd = await member(db, s.partnership.id, { name: `Bob_100% ${s.tag}` });
    await member(db, s.partnership.id, { name: `Alice ${s.tag}` });
    const api = callerFor(db, s.viewer.actor);
    for (const q of ["%", "_", "100%"]) {
      const result = await api.directory.people({ ...slugOf(s.partnership), q });
      expect(result.people.map((p) => p.userId)).toEqual([odd.user.id]);
    }
    expect((await api.directory.organisations({ ...slugOf(s.partnership), q: "%" })).total).toBe(0);
  });

  it("filters by sector, individuals, organisation type and interest tag", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const volunteer = await member(db, s.partnership.id, { organisationId: s.charity.id, interests: ["carers", "dementia"] });
    const officer = await member(db, s.partnership.id, { organisationId: s.council.id, interests: ["dementia care"] });
    const resident = await member(db, s.partnership.id, { organisationId: null, interests: ["dementia"] });
    const api = callerFor(db, s.viewer.actor);
    const ids = async (filters: Record<string, unknown>) =>
      (await api.directory.people({ ...slugOf(s.partnership), ...filters })).people.map((p) => p.userId).sort();

    expect(await ids({ sector: "VOLUNTARY" })).toEqual([volunteer.user.id]);
    expect(await ids({ sector: "PUBLIC" })).toEqual([officer.user.id]);
    expect(await ids({ sector: "INDIVIDUAL" })).toEqual([resident.user.id]);
    expect(await ids({ organisationType: "COUNCIL" })).toEqual([officer.user.id]);
    expect(await ids({ organisationType: "GP_PRACTICE" })).toEqual([]);
    // An interest filter is a whole tag, compared as stored (lower-case).
    expect(await ids({ interest: "Dementia" })).toEqual([volunteer.user.id, resident.user.id].sort());
    expect(await ids({ interest: "dementia", sector: "VOLUNTARY" })).toEqual([volunteer.user.id]);

    const individual = (await api.directory.people({ ...slugOf(s.partnership), sector: "INDIVIDUAL" })).people[0]!;
    expect(individual.organisation).toBeNull();
    expect(individual.organisationLabel).toBe("Individual / local resident");
  });

  it("finds people by their membership's locality, else their organisation's locality in this partnership", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    // The charity works in Seacroft; this person says they work in Chapeltown.
    const movedToChapeltown = await member(db, s.partnership.id, { organisationId: s.charity.id, localityId: s.chapeltown.id });
    const inSeacroftByOrganisation = await member(db, s.partnership.id, { organisationId: s.charity.id });
    const residentOfSeacroft = await member(db, s.partnership.id, { localityId: s.seacroft.id });
    const wholeArea = await member(db, s.partnership.id, { organisationId: s.council.id });
    const api = callerFor(db, s.viewer.actor);
    const ids = async (localityId: string) =>
      (await api.directory.people({ ...slugOf(s.partnership), localityId })).people.map((p) => p.userId).sort();

    expect(await ids(s.seacroft.id)).toEqual([inSeacroftByOrganisation.user.id, residentOfSeacroft.user.id].sort());
    expect(await ids(s.chapeltown.id)).toEqual([movedToChapeltown.user.id]);
    const all = await api.directory.people(slugOf(s.partnership));
    expect(all.people.find((p) => p.userId === wholeArea.user.id)!.locality).toBeNull();
    expect(all.people.find((p) => p.userId === movedToChapeltown.user.id)!.locality).toEqual({
      id: s.chapeltown.id,
      name: "Chapeltown",
    });

    // A locality of another partnership matches nobody here.
    const elsewhere = await createPartnership(db, { localities: ["Seacroft"] });
    const foreignLocality = await db.locality.findFirstOrThrow({ where: { partnershipId: elsewhere.id } });
    expect(await ids(foreignLocality.id)).toEqual([]);
  });

  it("filters by priority area through active sub-group memberships and lists each person's sub-groups", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const lead = await member(db, s.partnership.id, { organisationId: s.charity.id });
    const formerGroupOnly = await member(db, s.partnership.id, { organisationId: s.council.id });
    await member(db, s.partnership.id, { organisationId: s.council.id });
    await db.subGroupMembership.createMany({
      data: [
        { subGroupId: s.subGroup.id, userId: lead.user.id, role: "LEAD" },
        { subGroupId: s.archivedSubGroup.id, userId: lead.user.id, role: "MEMBER" },
        { subGroupId: s.archivedSubGroup.id, userId: formerGroupOnly.user.id, role: "MEMBER" },
      ],
    });
    const api = callerFor(db, s.viewer.actor);

    const carers = await api.directory.people({ ...slugOf(s.partnership), priorityAreaId: s.area.id });
    expect(carers.people.map((p) => p.userId)).toEqual([lead.user.id]);
    expect(carers.people[0]!.subGroups).toEqual([
      { id: s.subGroup.id, name: s.subGroup.name, role: "LEAD", priorityArea: { id: s.area.id, title: "Carers" } },
    ]);
    // Only an archived sub-group under Mental health: nobody counts as working on it.
    expect((await api.directory.people({ ...slugOf(s.partnership), priorityAreaId: s.otherArea.id })).total).toBe(0);
  });

  it("sends only what each person chose to share: email and phone are absent unless shown", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const privatePerson = await member(db, s.partnership.id, {
      name: `Private ${s.tag}`,
      organisationId: s.charity.id,
      phone: "0113 555 0100",
      bio: "I run the carers café.",
      interests: ["carers"],
    });
    const openPerson = await member(db, s.partnership.id, {
      name: `Open ${s.tag}`,
      organisationId: s.council.id,
      phone: "0113 555 0199",
      showEmail: true,
      showPhone: true,
    });
    const api = callerFor(db, s.viewer.actor);
    const { people } = await api.directory.people(slugOf(s.partnership));
    const hidden = people.find((p) => p.userId === privatePerson.user.id)!;
    const shown = people.find((p) => p.userId === openPerson.user.id)!;

    expect(hidden).not.toHaveProperty("email");
    expect(hidden).not.toHaveProperty("phone");
    expect(JSON.stringify(people)).not.toContain(privatePerson.user.email);
    expect(JSON.stringify(people)).not.toContain("0113 555 0100");
    expect(Object.keys(hidden).sort()).toEqual(
      ["bio", "interests", "jobTitle", "locality", "name", "organisation", "organisationLabel", "subGroups", "userId"].sort(),
    );
    expect(hidden).toMatchObject({
      bio: "I run the carers café.",
      interests: ["carers"],
      organisation: { id: s.charity.id, name: s.charity.name, sector: "VOLUNTARY", inPartnership: true, verified: false },
    });
    expect(shown.email).toBe(openPerson.user.email);
    expect(shown.phone).toBe("0113 555 0199");

    const page = await api.directory.person({ ...slugOf(s.partnership), userId: privatePerson.user.id });
    expect(page).not.toHaveProperty("email");
    expect(page).not.toHaveProperty("phone");
  });

  it("leaves out unlisted people and people of other partnerships, and refuses their person pages", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const listed = await member(db, s.partnership.id, { name: `Listed ${s.tag}` });
    const unlisted = await member(db, s.partnership.id, { name: `Unlisted ${s.tag}`, listedInDirectory: false });
    const elsewhere = await createPartnership(db);
    const outsider = await member(db, elsewhere.id, { name: `Outsider ${s.tag}` });
    const api = callerFor(db, s.viewer.actor);

    const result = await api.directory.people({ ...slugOf(s.partnership), q: s.tag });
    // The observer viewing is unlisted too.
    expect(result.people.map((p) => p.userId)).toEqual([listed.user.id]);
    expect(result.total).toBe(1);

    for (const userId of [unlisted.user.id, outsider.user.id, "no-such-person"]) {
      await expectFailure(
        api.directory.person({ ...slugOf(s.partnership), userId }),
        "NOT_FOUND",
        "That person could not be found, or you do not have access to it.",
      );
    }
    const page = await api.directory.person({ ...slugOf(s.partnership), userId: listed.user.id });
    expect(page.name).toBe(`Listed ${s.tag}`);
  });

  it("pages results 25 at a time with the total count", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    for (let index = 0; index < 27; index += 1) {
      await member(db, s.partnership.id, { name: `Pager ${String(index).padStart(2, "0")} ${s.tag}` });
    }
    const api = callerFor(db, s.viewer.actor);
    const first = await api.directory.people({ ...slugOf(s.partnership), q: "pager" });
    const second = await api.directory.people({ ...slugOf(s.partnership), q: "pager", page: 2 });
    expect(first).toMatchObject({ total: 27, page: 1, pageSize: 25, pageCount: 2 });
    expect(first.people).toHaveLength(25);
    expect(first.people[0]!.name).toBe(`Pager 00 ${s.tag}`);
    expect(second.people.map((p) => p.name)).toEqual([`Pager 25 ${s.tag}`, `Pager 26 ${s.tag}`]);
  });

  it("rejects filters that are not in the lists with a clear message", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const error = await expectFailure(
      callerFor(db, s.viewer.actor).directory.people({ ...slugOf(s.partnership), sector: "MEDIA" as "PUBLIC" }),
      "BAD_REQUEST",
    );
    expect(error.cause).toBeDefined();
  });
});

describe("directory.organisations and directory.organisation", () => {
  it("lists this partnership's organisations with sector, type, locality, verification, people and sub-groups", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const volunteer = await member(db, s.partnership.id, { organisationId: s.charity.id });
    await member(db, s.partnership.id, { organisationId: s.charity.id });
    await member(db, s.partnership.id, { organisationId: s.charity.id, listedInDirectory: false });
    await db.subGroupMembership.create({ data: { subGroupId: s.subGroup.id, userId: volunteer.user.id, role: "MEMBER" } });
    await db.partnershipOrganisation.update({
      where: { partnershipId_organisationId: { partnershipId: s.partnership.id, organisationId: s.charity.id } },
      data: { verifiedAt: new Date() },
    });
    // An organisation of another partnership, whose name matches the search.
    const elsewhere = await createPartnership(db);
    const foreign = await createOrganisationIn(db, elsewhere.id, { name: `Carers Elsewhere ${s.tag}`, sector: "VOLUNTARY" });
    const api = callerFor(db, s.viewer.actor);

    const all = await api.directory.organisations(slugOf(s.partnership));
    expect(all.total).toBe(3);
    expect(all.organisations.map((o) => o.id)).not.toContain(foreign.id);
    expect(all.organisations.find((o) => o.id === s.charity.id)).toEqual({
      id: s.charity.id,
      name: s.charity.name,
      sector: "VOLUNTARY",
      type: "CHARITY",
      description: null,
      locality: { id: s.seacroft.id, name: "Seacroft" },
      verified: true,
      peopleCount: 2,
      subGroups: [{ id: s.subGroup.id, name: s.subGroup.name }],
    });

    const ids = async (filters: Record<string, unknown>) =>
      (await api.directory.organisations({ ...slugOf(s.partnership), ...filters })).organisations.map((o) => o.id);
    expect(await ids({ q: "carers" })).toEqual([s.charity.id]);
    expect(await ids({ sector: "PUBLIC" })).toEqual([s.council.id]);
    expect(await ids({ organisationType: "COMMUNITY_GROUP" })).toEqual([s.communityGroup.id]);
    expect(await ids({ localityId: s.chapeltown.id })).toEqual([s.communityGroup.id]);
    expect(await ids({ priorityAreaId: s.area.id })).toEqual([s.charity.id]);
    expect(await ids({ q: "elsewhere" })).toEqual([]);
  });

  it("shows an organisation's page: what it does, its listed people, sub-groups and other partnerships", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    await db.organisation.update({
      where: { id: s.charity.id },
      data: { description: "Support for unpaid carers", website: "https://carersleeds.example" },
    });
    const other = await createPartnership(db, { name: `Other LCP ${s.tag}` });
    await db.partnershipOrganisation.create({ data: { partnershipId: other.id, organisationId: s.charity.id } });
    const listed = await member(db, s.partnership.id, { organisationId: s.charity.id, phone: "0113 555 0111" });
    const unlisted = await member(db, s.partnership.id, { organisationId: s.charity.id, listedInDirectory: false });
    await db.subGroupMembership.createMany({
      data: [
        { subGroupId: s.subGroup.id, userId: listed.user.id, role: "LEAD" },
        { subGroupId: s.subGroup.id, userId: unlisted.user.id, role: "MEMBER" },
      ],
    });
    const api = callerFor(db, s.viewer.actor);

    const page = await api.directory.organisation({ ...slugOf(s.partnership), organisationId: s.charity.id });
    expect(page).toMatchObject({
      name: s.charity.name,
      description: "Support for unpaid carers",
      website: "https://carersleeds.example/",
      sector: "VOLUNTARY",
      type: "CHARITY",
      locality: { name: "Seacroft" },
      verified: false,
      peopleTotal: 1,
      otherPartnerships: [`Other LCP ${s.tag}`],
      viewerCanVerify: false,
    });
    expect(page.people.map((p) => p.userId)).toEqual([listed.user.id]);
    expect(page.people[0]).not.toHaveProperty("phone");
    expect(page.people[0]).not.toHaveProperty("email");
    expect(page.subGroups).toEqual([
      { id: s.subGroup.id, name: s.subGroup.name, priorityArea: { id: s.area.id, title: "Carers" }, peopleCount: 2 },
    ]);

    // Organisations elsewhere are answered as not found.
    const foreign = await createOrganisationIn(db, other.id);
    await expectFailure(
      api.directory.organisation({ ...slugOf(s.partnership), organisationId: foreign.id }),
      "NOT_FOUND",
      "That organisation could not be found, or you do not have access to it.",
    );
  });

  it("never links a website that is not an ordinary web address", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    await db.organisation.update({ where: { id: s.council.id }, data: { website: "javascript:alert(1)" } });
    const page = await callerFor(db, s.viewer.actor).directory.organisation({
      ...slugOf(s.partnership),
      organisationId: s.council.id,
    });
    expect(page.website).toBeNull();
  });
});

describe("directory.setOrganisationVerified", () => {
  it("lets an officer verify an organisation and remove the verification, recording both", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const officer = await member(db, s.partnership.id, { name: `Officer ${s.tag}`, role: "OFFICER" });
    const api = callerFor(db, officer.actor);
    const key = { partnershipId_organisationId: { partnershipId: s.partnership.id, organisationId: s.council.id } };

    const verified = await api.directory.setOrganisationVerified({
      ...slugOf(s.partnership),
      organisationId: s.council.id,
      verified: true,
    });
    expect(verified.verified).toBe(true);
    const row = await db.partnershipOrganisation.findUniqueOrThrow({ where: key });
    expect(row.verifiedAt).toBeInstanceOf(Date);
    expect(row.verifiedById).toBe(officer.user.id);
    const page = await api.directory.organisation({ ...slugOf(s.partnership), organisationId: s.council.id });
    expect(page).toMatchObject({ verified: true, viewerCanVerify: true });

    // Verifying again changes nothing and records nothing more.
    await api.directory.setOrganisationVerified({ ...slugOf(s.partnership), organisationId: s.council.id, verified: true });
    await api.directory.setOrganisationVerified({ ...slugOf(s.partnership), organisationId: s.council.id, verified: false });
    const cleared = await db.partnershipOrganisation.findUniqueOrThrow({ where: key });
    expect(cleared).toMatchObject({ verifiedAt: null, verifiedById: null });

    const activity = await db.activity.findMany({
      where: { partnershipId: s.partnership.id, kind: "ORGANISATION_VERIFIED" },
      orderBy: { createdAt: "asc" },
    });
    expect(activity.map((a) => a.summary)).toEqual([
      `Officer ${s.tag} verified ${s.council.name}`,
      `Officer ${s.tag} removed the verification of ${s.council.name}`,
    ]);
    expect(activity[0]!.actorId).toBe(officer.user.id);
    expect(activity[0]!.linkPath).toBe(`/p/${s.partnership.slug}/directory/organisations/${s.council.id}`);
  });

  it("answers an organisation outside the partnership as not found and writes nothing", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const officer = await member(db, s.partnership.id, { role: "OFFICER" });
    const elsewhere = await createPartnership(db);
    const foreign = await createOrganisationIn(db, elsewhere.id);
    const unattached = await createOrganisation(db);

    for (const organisationId of [foreign.id, unattached.id]) {
      await expectFailure(
        callerFor(db, officer.actor).directory.setOrganisationVerified({
          ...slugOf(s.partnership),
          organisationId,
          verified: true,
        }),
        "NOT_FOUND",
        "That organisation could not be found, or you do not have access to it.",
      );
    }
    const foreignLink = await db.partnershipOrganisation.findUniqueOrThrow({
      where: { partnershipId_organisationId: { partnershipId: elsewhere.id, organisationId: foreign.id } },
    });
    expect(foreignLink.verifiedAt).toBeNull();
    expect(await db.activity.count({ where: { partnershipId: { in: [s.partnership.id, elsewhere.id] } } })).toBe(0);
  });

  it("refuses members who are not officers", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    const chair = await member(db, s.partnership.id, { role: "CHAIR" });
    await expectFailure(
      callerFor(db, chair.actor).directory.setOrganisationVerified({
        ...slugOf(s.partnership),
        organisationId: s.charity.id,
        verified: true,
      }),
      "FORBIDDEN",
    );
    const link = await db.partnershipOrganisation.findUniqueOrThrow({
      where: { partnershipId_organisationId: { partnershipId: s.partnership.id, organisationId: s.charity.id } },
    });
    expect(link.verifiedAt).toBeNull();
  });
});

describe("directory.filterOptions", () => {
  it("offers the partnership's localities, active priority areas and most used interests of listed people", async () => {
    const { db } = database;
    const s = await buildPartnership(db);
    await member(db, s.partnership.id, { interests: ["carers", "dementia"] });
    await member(db, s.partnership.id, { interests: ["carers"] });
    await member(db, s.partnership.id, { interests: ["secret"], listedInDirectory: false });
    await createPriorityArea(db, s.partnership.id, { title: "Archived", position: 2, archived: true });
    const options = await callerFor(db, s.viewer.actor).directory.filterOptions(slugOf(s.partnership));
    expect(options.localities.map((l) => l.name)).toEqual(["Chapeltown", "Seacroft"]);
    expect(options.priorityAreas.map((a) => a.title)).toEqual(["Carers", "Mental health"]);
    expect(options.interests).toEqual([
      { tag: "carers", people: 2 },
      { tag: "dementia", people: 1 },
    ]);
  });
});
