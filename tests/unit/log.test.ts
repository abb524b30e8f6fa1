import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/log";
import { requestIdFrom, withRequestContext } from "@/server/request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("the JSON log", () => {
  it("writes one JSON object per line with its level, time and the request's id", () => {
    const { lines, logger } = capture();
    withRequestContext({ requestId: "req-12345678" }, () => logger.info({ partnershipId: "p1" }, "portfolio published"));
    logger.warn("outside any request");
    expect(lines[0]).toMatchObject({ level: "info", service: "tandem", requestId: "req-12345678", partnershipId: "p1", msg: "portfolio published" });
    expect(typeof lines[0]?.time).toBe("string");
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("removes fields that could hold personal data, even when passed by mistake", () => {
    const { lines, logger } = capture();
    logger.error({ email: "ann@example.org", user: { name: "Ann", email: "ann@example.org", id: "u1" }, to: "ann@example.org" }, "oops");
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("ann@example.org");
    expect(text).not.toContain("Ann");
    expect(lines[0]).toMatchObject({ user: { id: "u1" } });
  });

  it("keeps a well-formed request id from the load balancer, and makes one up otherwise", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "lb-0123456789" }))).toBe("lb-0123456789");
    const made = requestIdFrom(new Headers({ "x-request-id": "<script>" }));
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers())).not.toBe(made);
  });
});
