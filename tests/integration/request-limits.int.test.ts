import { beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_CALLS_PER_REQUEST, MAX_REQUEST_BODY_BYTES } from "@/lib/api-limits";
import { checkRequestLimits } from "@/server/api/request-limits";
import { withTestDatabase } from "./support/database";

/*
 * The route handler the app serves at /api/trpc refuses a batch of more than
 * MAX_CALLS_PER_REQUEST calls, or a body over MAX_REQUEST_BODY_BYTES, before running any
 * of it: the request context (and so any call) is never made.
 */

const database = withTestDatabase();
const getDb = vi.fn();

vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/db/client")>()),
  getDb: () => getDb(),
}));

const { GET, POST } = await import("@/app/api/trpc/[trpc]/route");

beforeAll(() => {
  getDb.mockImplementation(() => database.db);
});

const pings = (count: number) => Array.from({ length: count }, () => "system.ping").join(",");

function batchGet(count: number) {
  const input = Object.fromEntries(Array.from({ length: count }, (_, index) => [String(index), { json: null }]));
  return new Request(`http://localhost/api/trpc/${pings(count)}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
}

function batchPost(paths: string, body: string) {
  return new Request(`http://localhost/api/trpc/${paths}?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body });
}

type Refusal = { error: { json: { message: string; data: { code: string; httpStatus: number } } } };

describe("the API's request limits", () => {
  it(`serves a batch of ${MAX_CALLS_PER_REQUEST} calls`, async () => {
    getDb.mockClear();
    const response = await GET(batchGet(MAX_CALLS_PER_REQUEST));
    expect(response.status).toBe(200);
    const body = (await response.json()) as unknown[];
    expect(body).toHaveLength(MAX_CALLS_PER_REQUEST);
    expect(getDb).toHaveBeenCalled();
  });

  it("refuses a batch of more calls with a plain message, one per call, running none of them", async () => {
    getDb.mockClear();
    const response = await GET(batchGet(300));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as Refusal[];
    expect(body).toHaveLength(300);
    expect(body[0]!.error.json.message).toBe(`Too many calls in one request: send at most ${MAX_CALLS_PER_REQUEST} at a time.`);
    expect(body[0]!.error.json.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(getDb).not.toHaveBeenCalled();
  });

  it("counts the calls of a POST batch the same way", async () => {
    getDb.mockClear();
    const response = await POST(batchPost(pings(MAX_CALLS_PER_REQUEST + 1), "{}"));
    expect(response.status).toBe(400);
    expect(getDb).not.toHaveBeenCalled();
  });

  it("refuses a body over the limit, whatever length it declares, running nothing", async () => {
    getDb.mockClear();
    const oversized = JSON.stringify({ 0: { json: { name: "x".repeat(MAX_REQUEST_BODY_BYTES) } } });
    const response = await POST(batchPost("me.updateProfile", oversized));
    expect(response.status).toBe(413);
    const body = (await response.json()) as Refusal[];
    expect(body[0]!.error.json.message).toBe("That request is too large to accept. Shorten what you entered and try again.");
    expect(body[0]!.error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(getDb).not.toHaveBeenCalled();

    // A body streamed without a declared length is measured as it arrives.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
        for (let sent = 0; sent < 5; sent += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await POST(
      new Request("http://localhost/api/trpc/me.updateProfile", { method: "POST", body: stream, duplex: "half" } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(getDb).not.toHaveBeenCalled();

    const declared = await POST(
      new Request("http://localhost/api/trpc/me.updateProfile", {
        method: "POST",
        headers: { "content-length": String(MAX_REQUEST_BODY_BYTES + 1) },
        body: "{}",
      }),
    );
    expect(declared.status).toBe(413);
  });

  it("hands a body within the limit on to the call intact", async () => {
    const body = JSON.stringify({ 0: { json: { name: "Ada Lovelace – café 😀" } } });
    const checked = await checkRequestLimits(batchPost("me.updateProfile", body), "/api/trpc");
    if (!checked.ok) throw new Error("expected the request to pass");
    expect(await checked.request.text()).toBe(body);
    expect(checked.request.headers.get("content-type")).toBe("application/json");
    expect(checked.request.method).toBe("POST");

    // Through the route, the mutation runs as far as its policy: nobody is signed in.
    getDb.mockClear();
    const response = await POST(batchPost("me.updateProfile", body));
    expect(response.status).toBe(401);
    expect(getDb).toHaveBeenCalled();
  });
});
