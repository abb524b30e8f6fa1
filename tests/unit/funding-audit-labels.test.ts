import { describe, expect, it } from "vitest";
import { partnerRuleText } from "@/components/funding/award-state";
import { AUDIT_ACTION_FILTERS, AUDIT_ACTION_LABELS, auditActionLabel } from "@/server/domain/funding/labels";

describe("the audit log's words", () => {
  it("names every money action in words", () => {
    for (const action of ["fund.created", "ringfence.created", "round.open", "round.closed", "round.decided", "award.granted", "award.pay", "award.vary", "award.withdraw", "award.return_underspend", "award.complete"]) {
      expect(AUDIT_ACTION_LABELS[action], action).toBeTruthy();
    }
    expect(auditActionLabel("award.return_underspend")).toBe("Underspend returned");
  });

  it("never shows a code, even for an action not listed yet", () => {
    expect(auditActionLabel("story.theme_changed")).toBe("Story: theme changed");
    expect(auditActionLabel("export")).toBe("Export");
    expect(auditActionLabel("")).toBe("Something changed");
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).not.toMatch(/[._]/);
  });

  it("offers filters that each match some listed action", () => {
    for (const [prefix] of AUDIT_ACTION_FILTERS.filter(([value]) => value)) {
      expect(Object.keys(AUDIT_ACTION_LABELS).some((action) => action.startsWith(prefix)), prefix).toBe(true);
    }
  });
});

describe("a round's partner rule in words", () => {
  it("lists the sectors a proposal must include", () => {
    expect(partnerRuleText([])).toBe("Partners from any sector.");
    expect(partnerRuleText(["PUBLIC"])).toBe("Needs a public-sector partner.");
    expect(partnerRuleText(["VOLUNTARY", "PUBLIC"])).toBe("Needs a voluntary-sector and a public-sector partner.");
    expect(partnerRuleText(["VOLUNTARY", "PUBLIC", "COMMUNITY"])).toBe("Needs a voluntary-sector, a public-sector and a community-sector partner.");
  });
});
