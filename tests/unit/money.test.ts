import { describe, expect, it } from "vitest";
import { addPence, formatPence, MoneyError, parsePounds, pence, penceToDecimalString, subtractPence } from "@/lib/money";

describe("Money", () => {
  it("formats pence as pounds the British way", () => {
    expect(formatPence(123456)).toBe("£1,234.56");
    expect(formatPence(5)).toBe("£0.05");
    expect(formatPence(10_000_000)).toBe("£100,000.00");
    expect(formatPence(-2550)).toBe("-£25.50");
  });

  it("parses what people type, exactly, with no floating point", () => {
    expect(parsePounds("£1,234.56")).toBe(123456);
    expect(parsePounds("1234.5")).toBe(123450);
    expect(parsePounds(" 100000 ")).toBe(10_000_000);
    expect(parsePounds("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parsePounds("1,000,000.07")).toBe(100_000_007);
  });

  it("refuses amounts that are not money, with a message a person understands", () => {
    for (const bad of ["", "abc", "12.345", "1,23", "-5", "£-5", "1e5", "10,000,000.01"]) {
      expect(() => parsePounds(bad), bad).toThrow(MoneyError);
    }
    expect(() => parsePounds("-5")).toThrow("An amount cannot be negative.");
  });

  it("keeps pence whole and non-negative", () => {
    expect(() => pence(1.5)).toThrow("whole number of pence");
    expect(() => pence(-1)).toThrow("cannot be negative");
    expect(addPence(pence(10), pence(20), pence(5))).toBe(35);
    expect(subtractPence(pence(100), pence(40))).toBe(60);
    expect(() => subtractPence(pence(10), pence(40))).toThrow(MoneyError);
  });

  it("writes plain decimals for spreadsheets", () => {
    expect(penceToDecimalString(123456)).toBe("1234.56");
    expect(penceToDecimalString(7)).toBe("0.07");
    expect(penceToDecimalString(-150)).toBe("-1.50");
  });
});
