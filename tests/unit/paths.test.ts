import { describe, expect, it } from "vitest";
import { absoluteUrl, paths, safeLinkPath } from "@/lib/paths";

describe("paths", () => {
  it("builds partnership addresses from their parts", () => {
    expect(paths.project("leeds", "p1")).toBe("/p/leeds/projects/p1");
    expect(paths.decide("leeds", "r1", "x1")).toBe("/p/leeds/funding/rounds/r1/assessment/x1/decide");
    expect(paths.eventCalendar("leeds", "e1")).toBe("/p/leeds/events/e1/calendar.ics");
  });

  it("adds only the query parameters that have values, encoded", () => {
    expect(paths.signIn("/p/leeds/events?x=1")).toBe("/signin?callbackUrl=%2Fp%2Fleeds%2Fevents%3Fx%3D1");
    expect(paths.signIn()).toBe("/signin");
    expect(paths.newProgressUpdate("leeds", "p1")).toBe("/p/leeds/projects/p1/updates/new");
    expect(paths.newProgressUpdate("leeds", "p1", "d1")).toBe("/p/leeds/projects/p1/updates/new?draft=d1");
    expect(paths.directory("leeds", { q: "carers", sector: undefined })).toBe("/p/leeds/directory?q=carers");
  });

  it("makes an address absolute on the site's origin with or without a trailing slash", () => {
    expect(absoluteUrl("https://tandem.example.org", paths.event("leeds", "e1"))).toBe("https://tandem.example.org/p/leeds/events/e1");
    expect(absoluteUrl("https://tandem.example.org/", "/account")).toBe("https://tandem.example.org/account");
  });

  it("links to a proposal section and to a comparison of two revisions", () => {
    expect(paths.proposalSection("leeds", "x1", "budget")).toBe("/p/leeds/proposals/x1#section-budget");
    expect(paths.proposalRevisions("leeds", "x1", { from: 2, to: 5 })).toBe("/p/leeds/proposals/x1/revisions?from=2&to=5");
    expect(paths.proposalRevisions("leeds", "x1")).toBe("/p/leeds/proposals/x1/revisions");
  });

  it("follows a stored link only when it stays on this site", () => {
    expect(safeLinkPath("/p/leeds/events/e1")).toBe("/p/leeds/events/e1");
    expect(safeLinkPath("//evil.example/x")).toBeNull();
    expect(safeLinkPath("/\\evil.example/x")).toBeNull();
    expect(safeLinkPath("https://evil.example")).toBeNull();
    expect(safeLinkPath(null)).toBeNull();
  });
});
