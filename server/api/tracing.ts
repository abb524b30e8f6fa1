import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/**
 * The span around each tRPC procedure: `trpc <path>`, with what kind of call it was and how
 * it ended. Nothing about who called or what they sent (the input may be what people typed),
 * so a trace holds no personal data; the request id joins it to the log lines.
 * Without a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT unset) these spans cost nothing.
 */
const tracer = trace.getTracer("tandem.trpc");

type ProcedureResult = { ok: true } | { ok: false; error: { code: string } };

export async function traceProcedure<R extends ProcedureResult>(
  call: { path: string; type: string; requestId?: string },
  run: () => Promise<R>,
): Promise<R> {
  return tracer.startActiveSpan(
    `trpc ${call.path}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        "rpc.system": "trpc",
        "rpc.method": call.path,
        "trpc.procedure.type": call.type,
        ...(call.requestId ? { "tandem.request_id": call.requestId } : {}),
      },
    },
    async (span) => {
      try {
        const result = await run();
        span.setAttribute("trpc.ok", result.ok);
        if (!result.ok) {
          span.setAttribute("trpc.error_code", result.error.code);
          // Refusals and "not found" are answers, not faults: only an unexpected failure marks the span failed.
          if (result.error.code === "INTERNAL_SERVER_ERROR") span.setStatus({ code: SpanStatusCode.ERROR, message: result.error.code });
        }
        return result;
      } catch (error) {
        span.setAttribute("trpc.ok", false);
        span.setStatus({ code: SpanStatusCode.ERROR, message: "INTERNAL_SERVER_ERROR" });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
