import { describe, expect, it } from "vitest";
import { paths } from "@/lib/paths";

describe("partnership and notification addresses", () => {
  it("points at a priority area on the priorities page", () => {
    expect(paths.priorityArea("renfrewshire-spg", "area1")).toBe("/p/renfrewshire-spg/priorities#area-area1");
  });

  it("keeps the notifications filter and page in the address only when they apply", () => {
    expect(paths.notificationsPage()).toBe("/notifications");
    expect(paths.notificationsPage({ unreadOnly: true })).toBe("/notifications?show=unread");
    expect(paths.notificationsPage({ unreadOnly: false, after: "n1" })).toBe("/notifications?after=n1");
    expect(paths.notificationsPage({ unreadOnly: true, after: "a b" })).toBe("/notifications?show=unread&after=a+b");
  });
});
