import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import { describeForLog } from "@/server/api/trpc";
import { AppError } from "@/server/errors";
import { log as serverLog } from "@/server/log";

/*
 * What the API's error formatter writes to the server log: nothing for an expected
 * refusal (an AppError, an input its schema refused), and for an unexpected failure its
 * kind, code and stack frames, never its message (Prisma quotes what people typed there).
 */

function format(error: TRPCError) {
  return appRouter._def._config.errorFormatter({
    error,
    type: "mutation",
    path: "me.updateProfile",
    input: undefined,
    ctx: undefined,
    shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 500, path: "me.updateProfile", stack: error.stack } },
  }) as { message: string; data: { fieldErrors?: Record<string, string[]> } };
}

afterEach(() => {
  vi.restoreAllMocks();
});

class PrismaClientKnownRequestError extends Error {
  code = "P2000";
}

describe("the API's error log", () => {
  it("stays quiet for expected refusals", () => {
    const log = vi.spyOn(serverLog, "error").mockImplementation(() => {});
    format(new TRPCError({ code: "NOT_FOUND", cause: new AppError("NOT_FOUND", "That could not be found.") }));
    const parsed = z.object({ name: z.string().min(1, "Enter a name") }).safeParse({ name: "" });
    if (parsed.success) throw new Error("expected a refusal");
    expect(format(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error })).data.fieldErrors).toEqual({ name: ["Enter a name"] });
    expect(log).not.toHaveBeenCalled();
  });

  it("logs an unexpected failure by kind, code and place, without its message or the input", () => {
    const log = vi.spyOn(serverLog, "error").mockImplementation(() => {});
    const cause = new PrismaClientKnownRequestError("Invalid `prisma.user.update()` invocation: { name: \"Ada Lovelace\", email: \"ada@example.org\" }");
    const shape = format(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }));
    expect(shape.message).toBe("Something went wrong on our side. Please try again in a moment.");
    expect(log).toHaveBeenCalledTimes(1);
    const written = JSON.stringify(log.mock.calls[0]);
    expect(written).toContain("me.updateProfile");
    expect(written).toContain("PrismaClientKnownRequestError");
    expect(written).toContain("P2000");
    expect(written).toContain("error-logging.test.ts");
    expect(written).not.toMatch(/Ada|ada@example\.org|invocation/);
  });

  it("treats a response that does not fit its output schema as unexpected, not as the user's mistake", () => {
    const log = vi.spyOn(serverLog, "error").mockImplementation(() => {});
    const parsed = z.object({ id: z.string() }).safeParse({ id: 1 });
    if (parsed.success) throw new Error("expected a refusal");
    const shape = format(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Output validation failed", cause: parsed.error }));
    expect(shape.message).toBe("Something went wrong on our side. Please try again in a moment.");
    expect(shape.data.fieldErrors).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("describes things that are not errors too", () => {
    expect(describeForLog("boom")).toEqual({ kind: "string", at: [] });
  });
});
