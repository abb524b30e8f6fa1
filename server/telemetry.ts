import { context, propagation, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import { PrismaInstrumentation, registerInstrumentations } from "@prisma/instrumentation";
import type { Env } from "./env";

/**
 * OpenTelemetry traces, sent over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (started
 * from instrumentation.ts, on the Node runtime only). What is traced:
 *   - requests: Next.js makes a span for each request once a tracer provider is registered;
 *   - procedures: the tRPC middleware in server/api/trpc.ts (`trpc <path>`, see tracing.ts);
 *   - database calls: @prisma/instrumentation (`prisma:client:operation`, `prisma:client:db_query`, …).
 * Log lines carry the active span's trace id (server/log.ts), so a log line leads to its trace.
 *
 * Built from the tracer provider rather than NodeSDK on purpose: NodeSDK also starts OTLP
 * metric and log exporters from the environment by default, and Tandem sends traces only
 * (its logs are JSON on stdout).
 */
export type TelemetrySettings = {
  /** The collector's base address, e.g. http://otel-collector:4318; traces go to <endpoint>/v1/traces. */
  endpoint: string;
  serviceName: string;
  headers?: Record<string, string>;
};

export type Telemetry = {
  /** Sends every finished span now (the exporter batches them otherwise). */
  flush: () => Promise<void>;
  shutdown: () => Promise<void>;
};

export function telemetrySettings(env: Pick<Env, "OTEL_EXPORTER_OTLP_ENDPOINT" | "OTEL_EXPORTER_OTLP_HEADERS" | "OTEL_SERVICE_NAME">): TelemetrySettings | null {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  return { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME, headers: env.OTEL_EXPORTER_OTLP_HEADERS };
}

/** The OTLP/HTTP traces address for a base endpoint, as the OpenTelemetry specification builds it. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/v1/traces`;
}

let started: Telemetry | null = null;

/** Starts tracing for this process (once; a second call returns the first). */
export function startTelemetry(settings: TelemetrySettings): Telemetry {
  if (started) return started;
  const exporter = new OTLPTraceExporter({ url: tracesUrl(settings.endpoint), headers: settings.headers });
  const processor = new tracing.BatchSpanProcessor(exporter);
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors: [processor],
  });
  // The global tracer provider, AsyncLocalStorage context and W3C trace-context propagation.
  provider.register();
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  const telemetry: Telemetry = {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      unregister();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      started = null;
    },
  };
  started = telemetry;
  return telemetry;
}
