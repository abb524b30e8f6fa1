/**
 * Who sent a request, for per-address limits. Route handlers do not see the socket, so the
 * address comes from X-Forwarded-For: the reverse proxy in front of Tandem appends the
 * address it was reached from (and Next.js sets it when there is no proxy). Entries further
 * left were written by the client and can say anything, so the address is the entry
 * `hops` from the right, `hops` being how many proxies append to the header
 * (TANDEM_PROXY_HOPS, default 1).
 *
 * An IPv6 client usually holds a whole /64, so IPv6 addresses count by their /64.
 */
export function clientAddress(headers: Headers, hops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = entries[Math.max(0, entries.length - Math.max(1, hops))] ?? headers.get("x-real-ip")?.trim();
  return chosen ? addressBucket(chosen) : "unknown";
}

/** An IPv4 address as it is; an IPv6 address as its /64 prefix ("2001:db8:1:2::/64"). */
export function addressBucket(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "").toLowerCase();
  const ipv4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)(?::\d+)?$/.exec(bare); // also IPv4-mapped, or with a port
  if (ipv4) return ipv4[1]!;
  if (!bare.includes(":")) return bare;
  const [head = "", tail = ""] = bare.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = bare.includes("::") && tail ? tail.split(":") : [];
  const missing = Math.max(0, 8 - headParts.length - tailParts.length);
  const groups = bare.includes("::") ? [...headParts, ...Array<string>(missing).fill("0"), ...tailParts] : headParts;
  const prefix = groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ""));
  return `${prefix.join(":")}::/64`;
}
