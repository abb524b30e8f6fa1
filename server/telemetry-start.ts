import { getEnv } from "./env";
import { log } from "./log";
import { startTelemetry, telemetrySettings, tracesUrl } from "./telemetry";

/**
 * Starts sending traces when the server starts, if OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (instrumentation.ts, Node runtime only). On SIGTERM the spans still batched are sent.
 */
const settings = telemetrySettings(getEnv());
if (settings) {
  const telemetry = startTelemetry(settings);
  log.info({ traces: tracesUrl(settings.endpoint), serviceName: settings.serviceName }, "sending OpenTelemetry traces");
  process.once("SIGTERM", () => void telemetry.shutdown());
}
