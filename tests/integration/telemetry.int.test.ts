import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { parseEnv } from "@/server/env";
import { enqueueJob } from "@/server/jobs/queue";
import { runNextJob } from "@/server/jobs/runner";
import { createLogger } from "@/server/log";
import { startTelemetry, telemetrySettings, type Telemetry } from "@/server/telemetry";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { addMember, createPartnership, createPerson } from "./support/factories";

/**
 * Traces, end to end in one process: a tiny OTLP/HTTP collector, the telemetry module started
 * against it as the server starts it, and procedures called through the real router over the
 * real database. What the collector receives is what Jaeger or Tempo would.
 */
const database = withTestDatabase();

type OtlpAttribute = { key: string; value: { stringValue?: string; boolValue?: boolean; intValue?: number | string } };
type OtlpSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[]; status?: { code?: number } };
type OtlpExport = {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
};

const received: { path: string; contentType: string; body: string }[] = [];
let collector: Server;
let telemetry: Telemetry;

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", contentType: String(request.headers["content-type"]), body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  // As the server reads it: only the endpoint is set, so the service is called "tandem".
  const settings = telemetrySettings(parseEnv({ NODE_ENV: "test", OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}/` }));
  telemetry = startTelemetry(settings!);
});

afterAll(async () => {
  await telemetry?.shutdown();
  await new Promise((resolve) => collector?.close(resolve));
});

/** Every span the collector has received so far, with the service each came from. */
function spans(): (OtlpSpan & { service: string | undefined })[] {
  return received.flatMap((request) =>
    (JSON.parse(request.body) as OtlpExport).resourceSpans.flatMap((resourceSpans) => {
      const service = resourceSpans.resource.attributes.find((attribute) => attribute.key === "service.name")?.value.stringValue;
      return resourceSpans.scopeSpans.flatMap((scope) => scope.spans.map((span) => ({ ...span, service })));
    }),
  );
}

const attributes = (span: OtlpSpan) =>
  Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, attribute.value.stringValue ?? attribute.value.boolValue ?? attribute.value.intValue]));

describe("OpenTelemetry traces", () => {
  it("is off unless an endpoint is configured, and the service name can be changed", () => {
    expect(telemetrySettings(parseEnv({ NODE_ENV: "test" }))).toBeNull();
    expect(telemetrySettings(parseEnv({ NODE_ENV: "test", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SERVICE_NAME: "tandem-hscp" }))).toEqual({
      endpoint: "http://collector:4318",
      serviceName: "tandem-hscp",
      headers: {},
    });
    expect(parseEnv({ NODE_ENV: "test", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer%20abc,x-tenant=hscp" }).OTEL_EXPORTER_OTLP_HEADERS).toEqual({
      authorization: "Bearer abc",
      "x-tenant": "hscp",
    });
  });

  it("sends a span for each procedure, with its database calls under it, and nothing about the person", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const { user, actor } = await createPerson(db, { name: "Tracey Tracer" });
    await addMember(db, partnership.id, user.id, "OFFICER");
    const { actor: outsider } = await createPerson(db);

    await createCaller({ db, actor, requestId: "req-traced-0001" }).event.list({ partnershipSlug: partnership.slug, when: "upcoming" });
    await expectFailure(createCaller({ db, actor: outsider, requestId: "req-traced-0002" }).event.list({ partnershipSlug: partnership.slug, when: "upcoming" }), "NOT_FOUND");
    await telemetry.flush();

    expect(received.length).toBeGreaterThan(0);
    expect(received.every((request) => request.path === "/v1/traces" && request.contentType.startsWith("application/json"))).toBe(true);
    const all = spans();
    const procedures = all.filter((span) => span.name === "trpc event.list");
    expect(procedures).toHaveLength(2);
    const [ok, refused] = [procedures.find((span) => attributes(span)["tandem.request_id"] === "req-traced-0001")!, procedures.find((span) => attributes(span)["tandem.request_id"] === "req-traced-0002")!];
    expect(ok.service).toBe("tandem");
    expect(attributes(ok)).toEqual({
      "rpc.system": "trpc",
      "rpc.method": "event.list",
      "trpc.procedure.type": "query",
      "tandem.request_id": "req-traced-0001",
      "trpc.ok": true,
    });
    expect(attributes(refused)).toMatchObject({ "trpc.ok": false, "trpc.error_code": "NOT_FOUND" });
    // Not found (for someone outside the partnership) is an answer, not a fault.
    expect(refused.status?.code ?? 0).not.toBe(2);

    // Prisma's spans for the policy's and the listing's queries sit under the procedure's span.
    const byId = new Map(all.map((span) => [span.spanId, span]));
    const under = (span: OtlpSpan, ancestor: OtlpSpan): boolean => {
      for (let parent = span.parentSpanId && byId.get(span.parentSpanId); parent; parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined) {
        if (parent.spanId === ancestor.spanId) return true;
      }
      return false;
    };
    const prismaUnderOk = all.filter((span) => span.name.startsWith("prisma:") && span.traceId === ok.traceId && under(span, ok));
    expect(prismaUnderOk.map((span) => span.name)).toContain("prisma:client:operation");
    expect(prismaUnderOk.some((span) => span.name === "prisma:client:db_query")).toBe(true);

    // Nothing that names the person travels with the traces.
    const everything = received.map((request) => request.body).join("\n");
    expect(everything).not.toContain(user.email);
    expect(everything).not.toContain("Tracey Tracer");
  });

  it("traces each job run as its own trace, and not the look at an empty queue", async () => {
    const { db } = database;
    const env = parseEnv({ NODE_ENV: "test" });
    const kind = "telemetry.test-job";
    const kinds = { [kind]: { label: "Test", maxAttempts: 1, run: async () => ({ count: await db.user.count() }) } };
    await telemetry.flush();
    received.length = 0;
    expect(await runNextJob({ db, env, kinds })).toBeNull();
    await telemetry.flush();
    expect(spans()).toEqual([]);

    const { job } = await enqueueJob(db, { kind });
    await telemetry.flush();
    received.length = 0; // (the test's own query to queue it)
    expect(await runNextJob({ db, env, kinds })).toMatchObject({ outcome: "succeeded" });
    await telemetry.flush();
    const all = spans();
    const run = all.find((span) => span.name === `job ${kind}`);
    expect(run && attributes(run)).toMatchObject({ "tandem.job.kind": kind, "tandem.job.id": job.id, "tandem.job.attempt": 1, "tandem.job.outcome": "succeeded" });
    expect(run!.parentSpanId ?? "").toBe("");
    // Its work and its completion are traced under it; claiming it is not traced at all.
    const rest = all.filter((span) => span !== run);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((span) => span.traceId === run!.traceId)).toBe(true);
  });

  it("puts the trace id on every log line written inside a span", () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
          done();
        },
      }),
    });
    const tracer = trace.getTracer("tandem.test");
    const inside = tracer.startActiveSpan("writing a log line", (span) => {
      logger.info("inside a span");
      span.end();
      return span.spanContext();
    });
    logger.info("outside any span");
    expect(lines[0]).toMatchObject({ msg: "inside a span", traceId: inside.traceId, spanId: inside.spanId });
    expect(inside.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1]).not.toHaveProperty("traceId");
  });
});
