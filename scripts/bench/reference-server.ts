/**
 * The minimal implementation the benchmark compares Tandem with: `project.list` answered
 * by node:http and pg alone, in one SQL statement (session, membership, the page, and
 * each project's latest report, next due report and overdue count), returning the same
 * body as Tandem's tRPC endpoint (GET /api/trpc/project.list?input=…, superjson's
 * { json, meta } envelope). It knows nothing else; the benchmark proves its answer equal
 * to Tandem's before timing either.
 *
 *   DATABASE_URL=… PORT=3302 node --import tsx scripts/bench/reference-server.ts
 */
import http from "node:http";
import pg from "pg";
import superjson from "superjson";

const DUE_SOON_DAYS = 7; // lib/projects/schedule.ts

const LIST_SQL = `
WITH viewer AS (
  SELECT m."partnershipId", s."userId"
  FROM "Session" s
  JOIN "Partnership" p ON p."slug" = $2
  JOIN "Membership" m ON m."partnershipId" = p."id" AND m."userId" = s."userId"
  WHERE s."sessionToken" = $1 AND s."expires" > (now() AT TIME ZONE 'UTC')
),
page AS (
  SELECT fp.*, viewer."userId" AS "viewerId"
  FROM "FundedProject" fp JOIN viewer ON fp."partnershipId" = viewer."partnershipId"
  WHERE $4::text IS NULL OR (fp."createdAt", fp."id") < (SELECT c."createdAt", c."id" FROM "FundedProject" c WHERE c."id" = $4)
  ORDER BY fp."createdAt" DESC, fp."id" DESC
  LIMIT $3::int + 1
)
SELECT (SELECT count(*) FROM viewer) AS "viewers",
       page."id", page."name", page."status", page."createdAt", sg."name" AS "subGroupName",
       a."awardedPence", a."paidPence", latest."rag", latest."percentComplete",
       nxt."sequence" AS "nextSequence", to_char(nxt."dueOn", 'YYYY-MM-DD') AS "nextDueOn",
       CASE WHEN nxt."id" IS NULL THEN NULL
            WHEN $5::timestamp >= nxt."dueOn" + 1 THEN 'OVERDUE'
            WHEN $5::timestamp >= nxt."dueOn" - ${DUE_SOON_DAYS} THEN 'DUE_SOON'
            ELSE 'NOT_DUE' END AS "nextState",
       overdue."count" AS "overdueCount", team."role" AS "myRole"
FROM (SELECT 1) AS always
LEFT JOIN page ON true
LEFT JOIN "Award" a ON a."id" = page."awardId"
LEFT JOIN "SubGroup" sg ON sg."id" = page."subGroupId"
LEFT JOIN "ProjectTeamMember" team ON team."projectId" = page."id" AND team."userId" = page."viewerId"
LEFT JOIN LATERAL (
  SELECT u."rag", u."percentComplete" FROM "ProgressUpdate" u
  WHERE u."projectId" = page."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED')
  ORDER BY u."submittedAt" DESC LIMIT 1
) latest ON true
LEFT JOIN LATERAL (
  SELECT r."id", r."sequence", r."dueOn" FROM "ReportingPeriod" r
  WHERE r."projectId" = page."id"
    AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED'))
  ORDER BY r."sequence" LIMIT 1
) nxt ON true
LEFT JOIN LATERAL (
  SELECT count(*)::int AS "count" FROM "ReportingPeriod" r
  WHERE r."projectId" = page."id" AND $5::timestamp >= r."dueOn" + 1
    AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED'))
) overdue ON true
ORDER BY page."createdAt" DESC, page."id" DESC`;

type Row = {
  viewers: string;
  id: string | null;
  name: string;
  status: "ACTIVE" | "EVALUATING" | "DECIDED";
  subGroupName: string | null;
  awardedPence: number;
  paidPence: number;
  rag: string | null;
  percentComplete: number | null;
  nextSequence: number | null;
  nextDueOn: string | null;
  nextState: string | null;
  overdueCount: number;
  myRole: string | null;
};

function sessionToken(cookie: string | undefined): string | undefined {
  for (const part of (cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === "__Secure-next-auth.session-token" || name === "next-auth.session-token") return decodeURIComponent(value.join("="));
  }
  return undefined;
}

function send(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

const error = (status: number, code: string, message: string) => ({
  error: { json: { message, code: status === 401 ? -32001 : -32004, data: { code, httpStatus: status, path: "project.list" } } },
});

export function createReferenceServer(pool: pg.Pool) {
  return http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://reference");
      if (url.pathname === "/health") return send(response, 200, { status: "ok" });
      if (url.pathname !== "/api/trpc/project.list") return send(response, 404, { error: "not found" });
      const input = superjson.deserialize<{ partnershipSlug: string; cursor?: string; limit?: number }>(JSON.parse(url.searchParams.get("input") ?? "{}"));
      const limit = Math.min(100, Math.max(1, input.limit ?? 25));
      const token = sessionToken(request.headers.cookie);
      if (!token) return send(response, 401, error(401, "UNAUTHORIZED", "Sign in to continue."));
      const now = new Date();
      const { rows } = await pool.query<Row>(LIST_SQL, [token, input.partnershipSlug, limit, input.cursor ?? null, now.toISOString().replace("Z", "")]);
      if (Number(rows[0]?.viewers ?? 0) === 0) return send(response, 404, error(404, "NOT_FOUND", "Not found."));
      const found = rows.filter((row) => row.id !== null);
      const items = found.slice(0, limit).map((row) => ({
        id: row.id!,
        name: row.name,
        status: row.status,
        subGroupName: row.subGroupName,
        awardedPence: row.awardedPence,
        paidPence: row.paidPence,
        latest: row.rag === null ? null : { rag: row.rag, percentComplete: row.percentComplete! },
        nextDue:
          row.nextSequence !== null && row.status !== "DECIDED"
            ? { sequence: row.nextSequence, dueOn: new Date(`${row.nextDueOn!}T00:00:00.000Z`), state: row.nextState! }
            : null,
        overdueCount: row.status === "DECIDED" ? 0 : row.overdueCount,
        myRole: row.myRole,
      }));
      const nextCursor = found.length > limit ? items[items.length - 1]!.id : null;
      send(response, 200, { result: { data: superjson.serialize({ items, nextCursor }) } });
    })().catch((failure: unknown) => {
      console.error(failure);
      if (!response.headersSent) send(response, 500, { error: "internal" });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const port = Number(process.env.PORT ?? 3302);
  const server = createReferenceServer(pool).listen(port, () => console.log(`[reference] listening on http://localhost:${port}`));
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
