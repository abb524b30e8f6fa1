import { isSpanContextValid, trace } from "@opentelemetry/api";
import pino from "pino";
import { getEnv, type LogLevel } from "./env";
import { currentRequestId } from "./request-context";

/**
 * Tandem's log: one JSON object per line on stdout, for the platform to collect. Every line
 * written while serving a request or running a job carries its `requestId` (and, with tracing
 * on, the `traceId` and `spanId` it was written in). Lines name
 * people, organisations and partnerships by id only; fields that could hold personal data
 * are removed even if a caller passes them by mistake.
 *
 *   log.error({ err: describeForLog(error), procedure }, "api procedure failed")
 */
export type { LogLevel };

const PERSONAL_FIELDS = ["email", "to", "name", "body", "text", "html", "subject", "password", "token", "cookie", "authorization"];

export function createLogger(options: { level?: LogLevel; destination?: pino.DestinationStream } = {}) {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "tandem" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        // With tracing on (server/telemetry.ts), the trace this line was written in: logs and traces join up.
        const span = trace.getActiveSpan()?.spanContext();
        return {
          ...(requestId ? { requestId } : {}),
          ...(span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {}),
        };
      },
      redact: { paths: [...PERSONAL_FIELDS, ...PERSONAL_FIELDS.map((field) => `*.${field}`)], censor: "[removed]" },
    },
    options.destination,
  );
}

function configuredLevel(): LogLevel {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    // A bad configuration stops start-up with its own message (startup-checks.ts); log until then.
    return "info";
  }
}

export const log = createLogger({ level: configuredLevel() });

/**
 * What the server log says about an unexpected failure: the error's kind, its code (a
 * Prisma error's P2xxx, a Node error's ECONNREFUSED) and where it was thrown. Not its
 * message: a Prisma message quotes the query's arguments, i.e. what people typed.
 */
export function describeForLog(error: unknown): { kind: string; code?: string; at: string[] } {
  if (!(error instanceof Error)) return { kind: typeof error, at: [] };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .slice(0, 8);
  return { kind: error.constructor?.name || error.name, ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}), at: frames };
}
