import http from "node:http";
import type { AddressInfo } from "node:net";
import NextAuth, { type NextAuthOptions } from "next-auth";

/*
 * Tandem's /api/auth/* on a free local port: next-auth with Tandem's own options, through
 * next-auth's Node request handler. (The App Router route in app/api/auth/[...nextauth]
 * hands the same options to the same core; it reads cookies through next/headers, which
 * only works inside a running Next server.) Plus a small browser that follows redirects,
 * keeps cookies and submits the identity provider's login form.
 */

export type TandemAuthServer = { origin: string; setOptions: (options: NextAuthOptions) => void; close: () => Promise<void> };

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}

export async function startTandemAuth(): Promise<TandemAuthServer> {
  let options: NextAuthOptions | undefined;
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://tandem");
      const action = url.pathname.match(/^\/api\/auth\/(.+)$/);
      if (!action || !options) {
        response.writeHead(404).end();
        return;
      }
      const body = request.method === "POST" ? Object.fromEntries(new URLSearchParams(await readBody(request))) : undefined;
      // What Next's API routes add to Node's request and response.
      const apiRequest = Object.assign(request, {
        query: { ...Object.fromEntries(url.searchParams), nextauth: action[1]!.split("/") },
        cookies: parseCookieHeader(request.headers.cookie),
        body,
      });
      const apiResponse = Object.assign(response, {
        status(code: number) {
          response.statusCode = code;
          return apiResponse;
        },
        send(content: unknown) {
          response.end(typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content));
        },
        json(content: unknown) {
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify(content));
        },
      });
      await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<void>)(apiRequest, apiResponse, options);
    })().catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setOptions: (next) => {
      options = next;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

type StoredCookie = { value: string; path: string };

/** Cookies by host and name, as a browser keeps them (ports share a host's cookies). */
export class Browser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).hostname)?.get(name)?.value;
  }

  async fetch(url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const cookies = [...(this.jar.get(url.hostname) ?? new Map<string, StoredCookie>())]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${encodeURIComponent(cookie.value)}`);
    const response = await fetch(url, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        ...(cookies.length > 0 && { cookie: cookies.join("; ") }),
        ...(init.form && { "content-type": "application/x-www-form-urlencoded" }),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.store(url, response.headers.getSetCookie());
    return response;
  }

  private store(url: URL, setCookies: string[]) {
    const host = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
    this.jar.set(url.hostname, host);
    for (const header of setCookies) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = decodeURIComponent(pair.slice(index + 1));
      const attribute = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const maxAge = attribute("max-age");
      const expires = attribute("expires");
      const expired = value === "" || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) < Date.now());
      if (expired) host.delete(name);
      else host.set(name, { value, path: attribute("path") ?? "/" });
    }
  }
}

/**
 * Signs in to Tandem with an OIDC provider as `login` (an account of the identity provider):
 * Tandem's sign-in → the provider's login page → back to Tandem's callback → wherever Tandem
 * sends the browser in the end (the callbackUrl, or the sign-in error page).
 */
export async function signInThroughProvider(
  tandem: string,
  providerId: string,
  login: string,
): Promise<{ landedAt: URL; browser: Browser; sawLoginPage: boolean }> {
  const browser = new Browser();
  const csrf = await browser.fetch(new URL("/api/auth/csrf", tandem));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let current = new URL(`/api/auth/signin/${providerId}`, tandem);
  let response = await browser.fetch(current, { method: "POST", form: { csrfToken, callbackUrl: `${tandem}/welcome` } });
  let sawLoginPage = false;
  for (let step = 0; step < 20; step += 1) {
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current);
      if (current.origin === tandem && !current.pathname.startsWith("/api/auth/")) return { landedAt: current, browser, sawLoginPage };
      response = await browser.fetch(current);
    } else if (response.status === 200 && current.pathname.startsWith("/interaction/")) {
      sawLoginPage = true;
      response = await browser.fetch(current, { method: "POST", form: { login } });
    } else {
      throw new Error(`Unexpected ${response.status} from ${current.href}: ${(await response.text()).slice(0, 500)}`);
    }
  }
  throw new Error("Too many redirects");
}
