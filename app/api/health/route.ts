import { getDb } from "@/server/db/client";
import { checkHealth } from "@/server/domain/system/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and monitoring: whether this instance can serve. Migration names stay
 * private (they describe the installation's history); only whether any are pending shows.
 */
export async function GET() {
  const report = await checkHealth(getDb());
  const body = {
    status: report.status,
    database: report.database,
    migrations: { status: report.migrations.status, pending: report.migrations.pending.length },
    checkedAt: report.checkedAt,
  };
  return Response.json(body, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
