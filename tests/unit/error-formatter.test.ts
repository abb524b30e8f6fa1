import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import { AppError } from "@/server/errors";

type Formatted = { message: string; data: { code: string; httpStatus: number; fieldErrors?: Record<string, string[]> } };

function format(error: TRPCError): Formatted {
  const config = appRouter._def._config;
  const shape = config.errorFormatter({
    error,
    type: "query",
    path: "test.procedure",
    input: undefined,
    ctx: undefined,
    shape: {
      message: error.message,
      code: -32600,
      data: { code: error.code, httpStatus: 500, path: "test.procedure", stack: error.stack },
    },
  }) as Formatted;
  return shape;
}

describe("the API error formatter", () => {
  it("passes an expected failure's user message through", () => {
    const cause = new AppError("CONFLICT", "That person is already a member.");
    const shape = format(new TRPCError({ code: "CONFLICT", message: cause.userMessage, cause }));
    expect(shape.message).toBe("That person is already a member.");
    expect(shape.data.code).toBe("CONFLICT");
  });

  it("turns input validation errors into field-level messages", () => {
    const parsed = z.object({ email: z.email("Enter a valid email"), name: z.string().min(1, "Enter a name") }).safeParse({
      email: "nope",
      name: "",
    });
    if (parsed.success) throw new Error("expected invalid input");
    const shape = format(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }));
    expect(shape.message).toBe("Please check the highlighted fields.");
    expect(shape.data.fieldErrors).toEqual({ email: ["Enter a valid email"], name: ["Enter a name"] });
  });

  it("replaces an unexpected error with a generic message and never sends its stack or SQL", () => {
    const cause = new Error('relation "Secret" does not exist: SELECT * FROM "Secret"');
    const original = console.error;
    console.error = () => {};
    try {
      const shape = format(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: cause.message, cause }));
      expect(shape.message).toBe("Something went wrong on our side. Please try again in a moment.");
      expect(JSON.stringify(shape)).not.toMatch(/SELECT|Secret|stack/);
    } finally {
      console.error = original;
    }
  });
});
