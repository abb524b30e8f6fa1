import { describe, expect, it } from "vitest";
import { paths } from "@/lib/paths";

describe("addresses the project and public pages link to", () => {
  it("filters the public stories by theme", () => {
    expect(paths.publicStoriesOfTheme("renfrewshire-spg", "CITYWIDE_RESPONSE")).toBe("/public/renfrewshire-spg/stories?theme=CITYWIDE_RESPONSE");
  });

  it("starts a story about a project", () => {
    expect(paths.newStoryAboutProject("renfrewshire-spg", "cm123")).toBe("/p/renfrewshire-spg/stories/new?projectId=cm123");
  });
});
