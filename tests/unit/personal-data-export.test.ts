import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { PersonalDataExportState } from "@/server/db/generated/enums";
import {
  DATA_EXPORT_ACTIONS,
  DATA_EXPORT_STATES,
  DATA_EXPORT_TRANSITIONS,
  dataExportAllows,
  dataExportTransition,
  effectiveDataExportState,
  type DataExportAction,
} from "@/server/domain/personal-data/export-lifecycle";
import { PERSONAL_DATA_SECTIONS } from "@/server/domain/personal-data/export";
import { PERSONAL_DATA_INVENTORY } from "@/server/domain/personal-data/inventory";
import { AppError } from "@/server/errors";

/** The lifecycle written out by hand: the state each action leads to, or "refused". */
type Expected = PersonalDataExportState | "refused";
const EXPECTED: Record<PersonalDataExportState, Record<DataExportAction, Expected>> = {
  BUILDING: { FINISH: "READY", FAIL: "FAILED", EXPIRE: "refused", DOWNLOAD: "refused" },
  READY: { FINISH: "refused", FAIL: "refused", EXPIRE: "EXPIRED", DOWNLOAD: "READY" },
  EXPIRED: { FINISH: "refused", FAIL: "refused", EXPIRE: "refused", DOWNLOAD: "refused" },
  FAILED: { FINISH: "refused", FAIL: "refused", EXPIRE: "refused", DOWNLOAD: "refused" },
};

describe("a personal data export's lifecycle", () => {
  it("lists every state and action", () => {
    expect(Object.keys(DATA_EXPORT_TRANSITIONS).sort()).toEqual([...DATA_EXPORT_STATES].sort());
    for (const state of DATA_EXPORT_STATES) expect(Object.keys(DATA_EXPORT_TRANSITIONS[state]).sort()).toEqual([...DATA_EXPORT_ACTIONS].sort());
  });

  for (const state of DATA_EXPORT_STATES) {
    for (const action of DATA_EXPORT_ACTIONS) {
      const expected = EXPECTED[state][action];
      it(`${state} + ${action} → ${expected}`, () => {
        if (expected === "refused") {
          expect(dataExportAllows(state, action)).toBe(false);
          let thrown: unknown;
          try {
            dataExportTransition(state, action);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(AppError);
          expect((thrown as AppError).code).toBe("CONFLICT");
          expect((thrown as AppError).userMessage).toMatch(/^[A-Z].*\.$/);
        } else {
          expect(dataExportAllows(state, action)).toBe(true);
          expect(dataExportTransition(state, action)).toBe(expected);
        }
      });
    }
  }

  it("reads a ready export past its expiry as expired", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    expect(effectiveDataExportState({ state: "READY", expiresAt: new Date("2026-12-10T11:59:59Z") }, now)).toBe("EXPIRED");
    expect(effectiveDataExportState({ state: "READY", expiresAt: new Date("2026-12-10T12:00:01Z") }, now)).toBe("READY");
    expect(effectiveDataExportState({ state: "BUILDING", expiresAt: null }, now)).toBe("BUILDING");
  });
});

describe("the inventory of where personal data is kept", () => {
  it("lists every table whose rows point at a person", () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const pointing = new Set<string>();
    for (const block of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const [, model, body] = block;
      if (/^\s+\w+\s+User\??\s+@relation\(/m.test(body!)) pointing.add(model!);
    }
    expect(pointing.size).toBeGreaterThan(30);
    const listed = new Set(PERSONAL_DATA_INVENTORY.map((entry) => entry.table));
    for (const model of pointing) expect(listed.has(model), `${model} is missing from the personal data inventory`).toBe(true);
  });

  it("names only sections the export has", () => {
    const sections = new Set<string>(PERSONAL_DATA_SECTIONS.map(([key]) => key));
    for (const entry of PERSONAL_DATA_INVENTORY) if (entry.section) expect(sections.has(entry.section), entry.table).toBe(true);
  });
});

describe("file sizes in words", () => {
  it("says bytes, KB or MB", async () => {
    const { formatFileSize } = await import("@/lib/file-size");
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(850)).toBe("850 bytes");
    expect(formatFileSize(24_400)).toBe("24 KB");
    expect(formatFileSize(3_240_000)).toBe("3.2 MB");
    expect(formatFileSize(12_600_000)).toBe("13 MB");
  });
});

describe("the audit log's words for personal data", () => {
  it("names the request and the download", async () => {
    const { auditActionLabel } = await import("@/server/domain/funding/labels");
    expect(auditActionLabel("personal-data.exported")).toBe("Copy of their data asked for");
    expect(auditActionLabel("personal-data.downloaded")).toBe("Copy of their data downloaded");
  });
});
