import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { createOrganisationIn, createPartnership, createPerson, unique } from "./support/factories";

const database = withTestDatabase();

async function listedMember(
  db: Database,
  partnershipId: string,
  spec: { name: string; organisationId?: string | null; jobTitle?: string; interests?: string[]; listed?: boolean },
) {
  const { user, actor } = await createPerson(db, { name: spec.name, organisationId: spec.organisationId ?? null });
  await db.user.update({
    where: { id: user.id },
    data: { jobTitle: spec.jobTitle ?? null, interests: spec.interests ?? [], listedInDirectory: spec.listed ?? true },
  });
  await db.membership.create({ data: { partnershipId, userId: user.id, role: "MEMBER" } });
  return { user, actor };
}

async function world(db: Database) {
  const tag = unique("fts");
  const partnership = await createPartnership(db, { localities: ["Seacroft"] });
  const hospice = await createOrganisationIn(db, partnership.id, {
    name: `Wheatfields Hospice ${tag}`,
    sector: "VOLUNTARY",
    type: "CHARITY",
  });
  await db.organisation.update({ where: { id: hospice.id }, data: { description: "Supporting families and volunteers" } });
  const viewer = await listedMember(db, partnership.id, { name: `Viewer ${tag}`, listed: false });
  const carerPerson = await listedMember(db, partnership.id, { name: `Priya Shah ${tag}`, interests: ["carers", "housing"] });
  const volunteerPerson = await listedMember(db, partnership.id, {
    name: `Tom Reid ${tag}`,
    organisationId: hospice.id,
    jobTitle: "Volunteer coordinator",
  });
  const hidden = await listedMember(db, partnership.id, { name: `Hidden ${tag}`, interests: ["carers"], listed: false });
  // Someone of another partnership with the same interests is never found here.
  const elsewhere = await createPartnership(db);
  const outsider = await listedMember(db, elsewhere.id, { name: `Outsider ${tag}`, interests: ["carers"] });
  const api = callerFor(db, viewer.actor);
  const people = async (q: string) =>
    (await api.directory.people({ partnershipSlug: partnership.slug, q })).people.map((p) => p.userId).sort();
  const organisations = async (q: string) =>
    (await api.directory.organisations({ partnershipSlug: partnership.slug, q })).organisations.map((o) => o.id);
  return { tag, partnership, hospice, carerPerson, volunteerPerson, hidden, outsider, people, organisations };
}

describe("directory search matches English words, not exact text", () => {
  it('finds someone interested in "carers" when searching for "carer", and only listed members here', async () => {
    const w = await world(database.db);
    expect(await w.people("carer")).toEqual([w.carerPerson.user.id]);
    expect(await w.people("Carer")).toEqual([w.carerPerson.user.id]);
    expect(await w.people("caring")).toEqual([]);
  });

  it('finds a "Volunteer coordinator" when searching for "volunteering"', async () => {
    const w = await world(database.db);
    expect(await w.people("volunteering")).toEqual([w.volunteerPerson.user.id]);
    expect(await w.people("volunteers")).toEqual([w.volunteerPerson.user.id]);
    // Every word must still match somewhere.
    expect(await w.people(`volunteering ${w.tag}`)).toEqual([w.volunteerPerson.user.id]);
    expect(await w.people("volunteering housing")).toEqual([]);
  });

  it("finds people by their organisation's name, and organisations by name and description", async () => {
    const w = await world(database.db);
    expect(await w.people("hospices")).toEqual([w.volunteerPerson.user.id]);
    expect(await w.people("wheatfields")).toEqual([w.volunteerPerson.user.id]);
    expect(await w.organisations("hospices")).toEqual([w.hospice.id]);
    expect(await w.organisations("volunteering")).toEqual([w.hospice.id]);
    expect(await w.organisations("family")).toEqual([w.hospice.id]);
    expect(await w.organisations("dentist")).toEqual([]);
  });

  it("reads quotes, &, | and :* as ordinary text, never as query syntax or SQL", async () => {
    const w = await world(database.db);
    for (const q of [`'`, `"`, `carer'`, `'; DROP TABLE "User"; --`, `carer & housing`, `car:*`, `!carer`, `carer | x`, `(`, `\\`, `-carer`]) {
      const found = await w.people(q);
      expect(found).not.toContain(w.hidden.user.id);
      expect(found).not.toContain(w.outsider.user.id);
    }
    // ":*" is not a prefix search: "car" is not a word in anyone's profile.
    expect(await w.people("car:*")).toEqual([]);
    expect(await w.organisations(`'hospice`)).toEqual([w.hospice.id]);
    expect(await database.db.user.count({ where: { id: w.carerPerson.user.id } })).toBe(1);
  });
});
