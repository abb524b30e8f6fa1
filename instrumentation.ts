/** Runs once when the server starts. */
export async function register() {
  // Node only: the edge runtime (proxy.ts) has neither the OpenTelemetry SDK nor the job queue.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./server/startup-checks");
    // Before anything queries the database, so its calls are traced from the first.
    await import("./server/telemetry-start");
    await import("./server/jobs/start");
  }
}
