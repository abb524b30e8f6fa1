import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  endOfUkDay,
  formatDateTime,
  formatDay,
  formatInstantDay,
  formatTime,
  formatTimeRange,
  fromUkWallClock,
  ukDateTime,
  ukDay,
  ukTimeInput,
} from "@/lib/uk-time";

describe("UK time", () => {
  it("reads winter and summer wall-clock times as the right instants", () => {
    expect(ukDateTime("2026-01-15", "09:30")?.toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(ukDateTime("2026-07-15", "09:30")?.toISOString()).toBe("2026-07-15T08:30:00.000Z");
  });

  it("takes the time after the change in the hour the clocks go forward", () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 does not exist on UK clocks.
    expect(fromUkWallClock({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("refuses days and times that do not exist", () => {
    expect(ukDateTime("2026-02-29", "09:00")).toBeNull();
    expect(ukDateTime("2026-02-10", "24:00")).toBeNull();
    expect(ukDateTime("10/02/2026", "09:00")).toBeNull();
  });

  it("names the UK day of an instant near midnight", () => {
    const lateSummerEvening = new Date("2026-06-30T23:30:00.000Z"); // 00:30 BST on 1 July
    expect(ukDay(lateSummerEvening)).toBe("2026-07-01");
    expect(ukTimeInput(lateSummerEvening)).toBe("00:30");
    expect(formatInstantDay(lateSummerEvening)).toBe("1 July 2026");
  });

  it("ends a UK day at 23:59:59 UK time in either season", () => {
    expect(endOfUkDay("2026-06-30").toISOString()).toBe("2026-06-30T22:59:59.000Z");
    expect(endOfUkDay("2026-12-31").toISOString()).toBe("2026-12-31T23:59:59.000Z");
  });

  it("formats calendar days without shifting them", () => {
    expect(formatDay(new Date("2026-03-01T00:00:00.000Z"))).toBe("1 March 2026");
    expect(formatDay("2026-03-01", "short")).toBe("1 Mar 2026");
    expect(formatDay("2026-03-02", "weekday")).toBe("Monday 2 March 2026");
  });

  it("writes times the GOV.UK way, always with am or pm", () => {
    expect(formatTime(new Date("2026-01-10T16:14:00.000Z"))).toBe("4:14pm");
    expect(formatTime(new Date("2026-01-10T09:00:00.000Z"))).toBe("9am");
    expect(formatTime(new Date("2026-01-10T12:00:00.000Z"))).toBe("midday");
    expect(formatTime(new Date("2026-01-10T00:00:00.000Z"))).toBe("midnight");
    expect(formatTime(new Date("2026-07-10T07:05:00.000Z"))).toBe("8:05am");
    expect(formatDateTime(new Date("2026-01-10T16:14:00.000Z"))).toBe("10 January 2026 at 4:14pm");
  });

  it("writes a span on one day once", () => {
    expect(formatTimeRange(new Date("2026-01-10T09:00:00.000Z"), new Date("2026-01-10T11:30:00.000Z"))).toBe(
      "Saturday 10 January 2026, 9am to 11:30am",
    );
  });

  it("counts days across month ends and the clock change", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-03-30", "2026-03-28")).toBe(-2);
  });
});
