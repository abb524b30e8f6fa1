import { describe, expect, it } from "vitest";
import { configuredOrigin, isSameSitePost, originFromHeaders, siteOrigin } from "@/server/site-address";

const demo = { NEXTAUTH_URL: "http://localhost:3000", NODE_ENV: "production" as const, TANDEM_DEMO_MODE: true };
const production = { NEXTAUTH_URL: "https://tandem.example.org", NODE_ENV: "production" as const, TANDEM_DEMO_MODE: false };

const post = (host: string, origin?: string, extra: Record<string, string> = {}) =>
  new Request(`http://localhost:3000/api/demo-sign-in`, {
    method: "POST",
    headers: { host, ...(origin ? { origin } : {}), ...extra },
  });

describe("the site's address", () => {
  it("in demo mode is the address the person opened, so sign-in works at a machine's IP address", () => {
    const request = post("192.168.1.20:3000", "http://192.168.1.20:3000");
    expect(siteOrigin(request, demo)).toBe("http://192.168.1.20:3000");
    expect(isSameSitePost(request, demo)).toBe(true);
  });

  it("in demo mode still refuses a post from another site", () => {
    expect(isSameSitePost(post("192.168.1.20:3000", "https://evil.example"), demo)).toBe(false);
  });

  it("follows a proxy's forwarded host and protocol in demo mode", () => {
    const request = post("10.0.0.5:3000", "https://demo.example.org", { "x-forwarded-host": "demo.example.org", "x-forwarded-proto": "https" });
    expect(siteOrigin(request, demo)).toBe("https://demo.example.org");
    expect(isSameSitePost(request, demo)).toBe(true);
  });

  it("in production is NEXTAUTH_URL whatever the Host header says", () => {
    const request = post("evil.example", "https://evil.example");
    expect(siteOrigin(request, production)).toBe("https://tandem.example.org");
    expect(isSameSitePost(request, production)).toBe(false);
    expect(isSameSitePost(post("tandem.example.org", "https://tandem.example.org"), production)).toBe(true);
  });

  it("ignores a Host header that is not a plain host name", () => {
    expect(siteOrigin(post("bad host/<script>"), demo)).toBe("http://localhost:3000");
  });

  it("reads the same address from a server component's headers, for links in emails and calendar files", () => {
    const headers = new Headers({ host: "192.168.1.20:3000" });
    expect(originFromHeaders(headers, demo)).toBe("http://192.168.1.20:3000");
    expect(originFromHeaders(headers, production)).toBe("https://tandem.example.org");
    expect(originFromHeaders(new Headers(), { ...demo, NEXTAUTH_URL: undefined, PORT: 4000 })).toBe("http://localhost:4000");
  });

  it("outside any request is NEXTAUTH_URL without its trailing slash, or this machine", () => {
    expect(configuredOrigin({ NEXTAUTH_URL: "https://tandem.example.org/" })).toBe("https://tandem.example.org");
    expect(configuredOrigin({ NEXTAUTH_URL: undefined, PORT: 3100 })).toBe("http://localhost:3100");
  });
});
