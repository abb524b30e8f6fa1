import { MAX_CALLS_PER_REQUEST, MAX_REQUEST_BODY_BYTES } from "@/lib/api-limits";

export type RequestLimits = { maxCalls: number; maxBodyBytes: number };
const DEFAULT_LIMITS: RequestLimits = { maxCalls: MAX_CALLS_PER_REQUEST, maxBodyBytes: MAX_REQUEST_BODY_BYTES };

type Checked = { ok: true; request: Request } | { ok: false; response: Response };

/** The procedure paths a tRPC request names: `/api/trpc/a.b,c.d` names two. */
export function callPathsOf(request: Request, endpoint: string): string[] {
  const { pathname } = new URL(request.url);
  const rest = pathname.startsWith(endpoint) ? pathname.slice(endpoint.length).replace(/^\/+/, "") : pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    decoded = rest;
  }
  return decoded.split(",");
}

/**
 * Answers like the API's own errors (superjson's `{ json }` envelope, one entry per call
 * for a batch), so the browser's client shows the message instead of failing to read it.
 */
function refusal(request: Request, paths: string[], status: 400 | 413, code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE", message: string): Response {
  const error = (path: string) => ({ error: { json: { message, code: -32600, data: { code, httpStatus: status, path } } } });
  const batched = new URL(request.url).searchParams.get("batch") === "1";
  const body = batched ? paths.map(error) : error(paths[0] ?? "");
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** Reads at most `limit` bytes of the body; null when it holds more. */
export async function readBounded(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Checks one API request against the limits before any call in it runs: at most
 * `maxCalls` procedures in a batch and a body of at most `maxBodyBytes` (the declared
 * length and the bytes actually sent are both checked). Gives back a request to hand on
 * (its body already read), or the answer refusing it.
 */
export async function checkRequestLimits(request: Request, endpoint: string, limits: RequestLimits = DEFAULT_LIMITS): Promise<Checked> {
  const paths = callPathsOf(request, endpoint);
  if (paths.length > limits.maxCalls) {
    return {
      ok: false,
      response: refusal(request, paths, 400, "BAD_REQUEST", `Too many calls in one request: send at most ${limits.maxCalls} at a time.`),
    };
  }
  const tooLarge = () => ({
    ok: false as const,
    response: refusal(request, paths, 413, "PAYLOAD_TOO_LARGE", "That request is too large to accept. Shorten what you entered and try again."),
  });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) return tooLarge();
  if (request.method === "GET" || request.method === "HEAD") return { ok: true, request };

  const body = await readBounded(request, limits.maxBodyBytes);
  if (body === null) return tooLarge();
  return { ok: true, request: new Request(request.url, { method: request.method, headers: request.headers, body: body as BodyInit }) };
}
