import { describe, expect, it } from "vitest";
import { normaliseSignInEmail } from "@/server/auth/sign-in-limits";
import { addressBucket, clientAddress } from "@/server/domain/rate-limits/client-address";
import { waitInWords } from "@/server/domain/rate-limits/rate-limit";
import { EnvError, parseEnv } from "@/server/env";

describe("rate-limit settings", () => {
  it("have defaults an installation gets without setting anything", () => {
    const env = parseEnv({});
    expect(env.TANDEM_RATE_LIMIT_SIGN_IN_EMAIL).toEqual({ limit: 5, windowSeconds: 600 });
    expect(env.TANDEM_RATE_LIMIT_SIGN_IN_IP).toEqual({ limit: 20, windowSeconds: 600 });
    expect(env.TANDEM_RATE_LIMIT_INVITATIONS).toEqual({ limit: 50, windowSeconds: 3600 });
    expect(env.TANDEM_RATE_LIMIT_DEMO_SIGN_IN).toEqual({ limit: 30, windowSeconds: 600 });
    expect(env.TANDEM_RATE_LIMIT_MUTATIONS).toEqual({ limit: 300, windowSeconds: 300 });
    expect(env.TANDEM_PROXY_HOPS).toBe(1);
    expect(env.TANDEM_SIGN_UP_DOMAINS).toBeUndefined();
  });

  it("read count/time, or off, and refuse anything else naming the variable", () => {
    expect(parseEnv({ TANDEM_RATE_LIMIT_MUTATIONS: " 1000 / 1H " }).TANDEM_RATE_LIMIT_MUTATIONS).toEqual({ limit: 1000, windowSeconds: 3600 });
    expect(parseEnv({ TANDEM_RATE_LIMIT_SIGN_IN_IP: "30/90s" }).TANDEM_RATE_LIMIT_SIGN_IN_IP).toEqual({ limit: 30, windowSeconds: 90 });
    expect(parseEnv({ TANDEM_RATE_LIMIT_INVITATIONS: "off" }).TANDEM_RATE_LIMIT_INVITATIONS).toBeNull();
    for (const bad of ["5", "5 per 10 minutes", "0/10m", "5/0m", "5/10d", "-1/1h"]) {
      expect(() => parseEnv({ TANDEM_RATE_LIMIT_SIGN_IN_EMAIL: bad })).toThrow(EnvError);
      expect(() => parseEnv({ TANDEM_RATE_LIMIT_SIGN_IN_EMAIL: bad })).toThrow(/TANDEM_RATE_LIMIT_SIGN_IN_EMAIL must be a count per time/);
    }
    expect(parseEnv({ TANDEM_SIGN_UP_DOMAINS: "Council.example, @nhs.example," }).TANDEM_SIGN_UP_DOMAINS).toEqual(["council.example", "nhs.example"]);
    expect(() => parseEnv({ TANDEM_SIGN_UP_DOMAINS: "not a domain" })).toThrow(/TANDEM_SIGN_UP_DOMAINS/);
    expect(() => parseEnv({ TANDEM_SESSION_IDLE_MINUTES: "1" })).toThrow(/TANDEM_SESSION_IDLE_MINUTES/);
  });
});

describe("what a refusal says", () => {
  it("says the wait in plain words, rounded up", () => {
    expect(waitInWords(1)).toBe("1 second");
    expect(waitInWords(40)).toBe("40 seconds");
    expect(waitInWords(60)).toBe("1 minute");
    expect(waitInWords(7 * 60 + 1)).toBe("8 minutes");
    expect(waitInWords(3600)).toBe("60 minutes");
    expect(waitInWords(2 * 3600)).toBe("2 hours");
  });
});

describe("the client address", () => {
  it("is the entry the proxies appended, not one the client wrote", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(clientAddress(headers, 1)).toBe("198.51.100.7");
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }), 3)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });

  it("counts IPv6 addresses by their /64, and IPv4 ones as they are", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("[2001:db8:1:2::5]:443")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("192.0.2.1:5000")).toBe("192.0.2.1");
  });
});

describe("sign-in addresses", () => {
  it("are compared as next-auth stores them", () => {
    expect(normaliseSignInEmail("  Fiona.MacLeod@Renfrewshire.EXAMPLE ")).toBe("fiona.macleod@renfrewshire.example");
    expect(normaliseSignInEmail("a@example.org,evil.example")).toBe("a@example.org");
    for (const bad of ["fiona", "a@b@example.org", "a@localhost", '"a"@example.org']) {
      expect(() => normaliseSignInEmail(bad)).toThrow();
    }
  });
});
