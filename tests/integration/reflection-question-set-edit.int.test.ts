import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { REFLECTION_TEMPLATES } from "@/server/domain/reflections/templates";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { runForSubGroup, runTeamChat } from "./support/reflections";
import { subGroupWorld } from "./support/worlds";

const database = withTestDatabase();

/** Fiona the officer, Carla the chair, Lena who leads the sub-group, Mo a member and Olive an observer. */
async function world(db: Database) {
  const w = await subGroupWorld(db, {
    cast: {
      fiona: { name: "Fiona Officer", role: "OFFICER" },
      carla: { name: "Carla Chair", role: "CHAIR" },
      lena: { name: "Lena Lead" },
      mo: { name: "Mo Member" },
      olive: { name: "Olive Observer", role: "OBSERVER" },
    },
    leads: ["lena"],
    members: ["mo"],
  });
  const set = await w.api(w.people.mo).reflection.createQuestionSet({
    partnershipSlug: w.slug,
    title: "Café check-in",
    description: "After each carers' café",
    questions: [
      { prompt: "What went well?", help: "One or two things", kind: "TEXT" },
      { prompt: "How useful was it?", kind: "SCALE" },
    ],
  });
  return { ...w, set };
}

const changed = {
  title: "Carers' café check-in",
  description: "A minute after each café.",
  questions: [
    { prompt: "What went well today?", help: "", kind: "TEXT" as const },
    { prompt: "How useful was it?", help: "1 is not at all, 5 is very", kind: "SCALE" as const },
    { prompt: "What should we change?", help: "", kind: "TEXT" as const },
  ],
};

describe("changing a question set", () => {
  it("lets an officer change the title, introduction and questions of a set not yet run", async () => {
    const w = await world(database.db);
    const officer = w.api(w.people.fiona).reflection;

    const before = await officer.questionSet({ partnershipSlug: w.slug, questionSetId: w.set.id });
    expect(before).toMatchObject({ title: "Café check-in", runs: 0 });

    await officer.updateQuestionSet({ partnershipSlug: w.slug, questionSetId: w.set.id, ...changed });
    const after = await officer.questionSet({ partnershipSlug: w.slug, questionSetId: w.set.id });
    expect(after.title).toBe("Carers' café check-in");
    expect(after.description).toBe("A minute after each café.");
    expect(after.questions.map(({ position, prompt, help, kind }) => ({ position, prompt, help, kind }))).toEqual(
      changed.questions.map((question, index) => ({ position: index + 1, ...question })),
    );
    expect((await officer.questionSets({ partnershipSlug: w.slug })).canEdit).toBe(true);
  });

  it("refuses everyone who is not an officer, in plain words", async () => {
    const w = await world(database.db);
    for (const person of [w.people.carla, w.people.lena, w.people.mo, w.people.olive]) {
      const error = await expectFailure(
        w.api(person).reflection.updateQuestionSet({ partnershipSlug: w.slug, questionSetId: w.set.id, ...changed }),
        "FORBIDDEN",
      );
      if (person !== w.people.olive) expect(error.message).toBe("Only the partnership's officers can change a question set.");
      await expectFailure(w.api(person).reflection.questionSet({ partnershipSlug: w.slug, questionSetId: w.set.id }), "FORBIDDEN");
      expect((await w.api(person).reflection.questionSets({ partnershipSlug: w.slug }).catch(() => ({ canEdit: false }))).canEdit).toBe(false);
    }
    const stored = await database.db.questionSet.findUniqueOrThrow({ where: { id: w.set.id } });
    expect(stored.title).toBe("Café check-in");
  });

  it("keeps a run set's questions as they were answered, but lets its wording around them change", async () => {
    const w = await world(database.db);
    await runForSubGroup(w, { templateKey: undefined, questionSetId: w.set.id });
    const officer = w.api(w.people.fiona).reflection;
    await expectFailure(officer.updateQuestionSet({ partnershipSlug: w.slug, questionSetId: w.set.id, ...changed }), "CONFLICT");

    await officer.updateQuestionSet({
      partnershipSlug: w.slug,
      questionSetId: w.set.id,
      title: "Café check-in (spring)",
      description: "",
      questions: [
        { prompt: "What went well?", help: "A sentence is plenty", kind: "TEXT" },
        { prompt: "How useful was it?", help: "", kind: "SCALE" },
      ],
    });
    const after = await officer.questionSet({ partnershipSlug: w.slug, questionSetId: w.set.id });
    expect(after).toMatchObject({ title: "Café check-in (spring)", runs: 1 });
    expect(after.questions.map((question) => question.help)).toEqual(["A sentence is plenty", ""]);
  });

  it("does not change a template's stored copy or another partnership's set", async () => {
    const w = await world(database.db);
    await runTeamChat(w);
    const copy = await database.db.questionSet.findFirstOrThrow({ where: { isTemplate: true, title: REFLECTION_TEMPLATES[0]!.title } });
    await expectFailure(
      w.api(w.people.fiona).reflection.updateQuestionSet({ partnershipSlug: w.slug, questionSetId: copy.id, ...changed }),
      "NOT_FOUND",
    );
  });

  it("words the Team Leeds chat for today, not the pandemic", () => {
    for (const template of REFLECTION_TEMPLATES) {
      for (const question of template.questions) expect(`${question.prompt} ${question.help}`).not.toMatch(/pandemic|covid|lockdown/i);
    }
  });
});
