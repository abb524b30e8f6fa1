import { z } from "zod";
import { isEntraMultiTenantIssuer, isUnsupportedEntraIssuer } from "./auth/entra";

/**
 * The one place that reads process.env. Everything else imports `env`.
 * A bad or missing variable stops start-up with a message naming it.
 */

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `true` or `false` (any case); unset or empty means false. Nothing else: `1` or `yes` is a mistake to name, not to guess. */
const booleanFlag = z
  .string()
  .optional()
  .transform((value) => value?.trim().toLowerCase() ?? "")
  .pipe(z.enum(["true", "false", ""], { error: (issue) => `must be true or false (it is "${String(issue.input)}")` }))
  .transform((value) => value === "true");

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

/** An Entra tenant id: a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47 (any case; kept in lower case). */
const tenantId = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z.guid({
      error: (issue) => `must be a tenant id, a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47 (it is "${String(issue.input)}")`,
    }),
  );

/** Comma-separated tenant ids; unset or empty means no allow-list. */
const tenantList = optionalString
  .transform((value) => value?.split(",").map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(tenantId).optional());

/** One more OpenID Connect provider, e.g. another organisation's Entra tenant. */
const oidcProviderEntry = z.strictObject({
  id: z
    .string({ error: "is required" })
    .regex(
      /^[a-z][a-z0-9-]{0,39}$/,
      "must be lower-case letters, digits and hyphens, starting with a letter (it is part of the callback URL /api/auth/callback/<id>)",
    ),
  name: z.string({ error: "is required (the sign-in button label)" }).trim().min(1, "is required (the sign-in button label)"),
  issuer: z.url({ error: "must be the issuer URL of the identity provider" }),
  clientId: z.string({ error: "is required" }).trim().min(1, "is required"),
  clientSecret: z.string({ error: "is required" }).trim().min(1, "is required"),
  allowedTenants: z.array(tenantId, { error: "must be a list of tenant ids" }).min(1, "must list at least one tenant id").optional(),
}, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `has unknown setting ${issue.keys.map((key) => `"${key}"`).join(", ")} (known: id, name, issuer, clientId, clientSecret, allowedTenants)`
      : undefined,
});

/** A JSON array of providers; unset or empty means none. */
const oidcProviderList = optionalString
  .transform((value, ctx) => {
    if (value === undefined) return [];
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON array such as [{"id":"partner","name":"…","issuer":"https://…","clientId":"…","clientSecret":"…"}]' });
      return z.NEVER;
    }
  })
  .pipe(z.array(oidcProviderEntry, { error: "must be a JSON array of providers" }));

/** A rate limit: how many requests in how long. `off` turns it off (never on a public installation). */
export type RateLimitRule = { limit: number; windowSeconds: number };
const WINDOW_UNITS = { s: 1, m: 60, h: 3600 } as const;

/** `5/10m` is 5 per 10 minutes (units s, m, h); `off` turns the limit off; unset takes `fallback`. */
const rateLimitSetting = (fallback: string) =>
  optionalString
    .transform((value) => (value ?? fallback).toLowerCase().replaceAll(" ", ""))
    .pipe(z.string().regex(/^(off|[1-9]\d{0,5}\/[1-9]\d{0,5}[smh])$/, "must be a count per time such as 5/10m (5 per 10 minutes; units s, m or h), or off"))
    .transform((value): RateLimitRule | null => {
      if (value === "off") return null;
      const [, count, amount, unit] = /^(\d+)\/(\d+)([smh])$/.exec(value)!;
      return { limit: Number(count), windowSeconds: Number(amount) * WINDOW_UNITS[unit as keyof typeof WINDOW_UNITS] };
    });

/** Comma-separated email domains (example.org, nhs.net); unset or empty means anyone may ask for a sign-in link. */
const domainList = optionalString
  .transform((value) => value?.split(",").map((domain) => domain.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be email domains such as example.org, separated by commas")).optional());

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
        .optional(),
    ),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Server processes the launcher runs, sharing the port (unset: one per core, decided by the launcher). */
    TANDEM_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    TANDEM_DEMO_MODE: booleanFlag,
    TANDEM_DATA_DIR: z.string().default(".data"),
    TANDEM_RATE_LIMIT_SIGN_IN_EMAIL: rateLimitSetting("5/10m"),
    TANDEM_RATE_LIMIT_SIGN_IN_IP: rateLimitSetting("20/10m"),
    TANDEM_RATE_LIMIT_INVITATIONS: rateLimitSetting("50/1h"),
    TANDEM_RATE_LIMIT_DEMO_SIGN_IN: rateLimitSetting("30/10m"),
    TANDEM_RATE_LIMIT_MUTATIONS: rateLimitSetting("300/5m"),
    TANDEM_RATE_LIMIT_UPLOADS: rateLimitSetting("60/10m"),
    /** Fetches of one private calendar feed (calendar apps poll about hourly). */
    TANDEM_RATE_LIMIT_CALENDAR_FEED: rateLimitSetting("60/1h"),
    /** Where uploaded files are kept: in PostgreSQL (default) or S3-compatible object storage. */
    TANDEM_FILE_STORAGE: optionalString
      .transform((value) => value?.toLowerCase())
      .pipe(z.enum(["postgres", "s3"], { error: (issue) => `must be postgres or s3 (it is "${String(issue.input)}")` }).default("postgres")),
    /** The largest file one upload may be, in bytes (default 20 MB, as file managers count: 20,000,000 bytes). */
    TANDEM_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20_000_000),
    /** How much each partnership may store, in bytes: the sum of every version of its files (default 2 GB). */
    TANDEM_PARTNERSHIP_STORAGE_BYTES: z.coerce.number().int().min(1024).max(Number.MAX_SAFE_INTEGER).default(2_000_000_000),
    S3_ENDPOINT: optionalString.pipe(z.url("must be a URL such as https://s3.eu-west-2.amazonaws.com").optional()),
    S3_REGION: optionalString.transform((value) => value ?? "eu-west-2"),
    S3_BUCKET: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** Path-style URLs (endpoint/bucket/key), which most S3-compatible services other than AWS need. */
    S3_FORCE_PATH_STYLE: booleanFlag,
    TANDEM_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
    /** The installation's registered 360Giving prefix, e.g. 360G-renfrewshirehscp: grants are published as open data under it. */
    TANDEM_360GIVING_PREFIX: optionalString.pipe(
      z.string().regex(/^360G-[A-Za-z0-9]+$/, "must be a 360Giving prefix such as 360G-renfrewshirehscp (registered with 360Giving)").optional(),
    ),
    /** How much the JSON log says: info by default; debug or trace for more, warn or error for less. */
    LOG_LEVEL: optionalString
      .transform((value) => value?.toLowerCase())
      .pipe(z.enum(LOG_LEVELS, { error: () => `must be one of ${LOG_LEVELS.join(", ")}` }).default("info")),
    /** `off` stops this instance working the background job queue (another instance must run it). */
    TANDEM_JOBS: optionalString
      .pipe(z.enum(["on", "off"], { error: (issue) => `must be on or off (it is "${String(issue.input)}")` }).optional())
      .transform((value) => value !== "off"),
    /** The organisation that runs this installation, named in the accessibility statement and privacy notice (the data controller). */
    TANDEM_OPERATOR_NAME: optionalString,
    /** Where people write about accessibility problems, their data or anything else. */
    TANDEM_OPERATOR_EMAIL: optionalString.pipe(z.email("must be an email address such as tandem@renfrewshire.gov.uk").optional()),
    /** The operator's Data Protection Officer: an email address. */
    TANDEM_DPO_EMAIL: optionalString.pipe(z.email("must be an email address such as dpo@renfrewshire.gov.uk").optional()),
    /** The operator's entry in the ICO's register of fee payers, e.g. Z1234567. */
    TANDEM_ICO_REGISTRATION: optionalString.pipe(z.string().regex(/^[A-Z]{1,2}\d{6,8}$/, "must be an ICO registration number such as Z1234567").optional()),
    /** When this installation was last tested for accessibility (YYYY-MM-DD); unset: the date Tandem's own release was tested. */
    TANDEM_ACCESSIBILITY_TESTED_ON: optionalString.pipe(
      z.iso.date("must be a date written YYYY-MM-DD, such as 2026-11-30").optional(),
    ),
    /** Days between asking to close an account and its erasure, during which the person may change their mind. */
    TANDEM_ERASURE_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
    /** Retention periods in days (privacy notice and the daily purge). */
    TANDEM_RETAIN_SIGN_IN_LINKS_DAYS: z.coerce.number().int().min(0).max(3650).default(1),
    TANDEM_RETAIN_ENDED_SESSIONS_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    TANDEM_RETAIN_OUTBOX_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    TANDEM_RETAIN_READ_NOTIFICATIONS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    TANDEM_RETAIN_ENDED_INVITATIONS_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
    TANDEM_RETAIN_FINISHED_JOBS_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /**
     * Where to send traces over OTLP/HTTP, e.g. http://otel-collector:4318 (traces go to its
     * /v1/traces). Unset: no tracing at all.
     */
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(z.url("must be a URL such as http://otel-collector:4318").optional()),
    /** Headers for the collector, e.g. `authorization=Bearer abc,x-tenant=hscp` (the OpenTelemetry format). */
    OTEL_EXPORTER_OTLP_HEADERS: optionalString
      .transform((value, ctx) => {
        if (value === undefined) return {};
        const headers: Record<string, string> = {};
        for (const pair of value.split(",")) {
          const at = pair.indexOf("=");
          const key = at > 0 ? pair.slice(0, at).trim() : "";
          if (!key) {
            ctx.addIssue({ code: "custom", message: "must be key=value pairs separated by commas, such as authorization=Bearer abc" });
            return z.NEVER;
          }
          try {
            headers[key] = decodeURIComponent(pair.slice(at + 1).trim());
          } catch {
            ctx.addIssue({ code: "custom", message: `has a badly encoded value for ${key}` });
            return z.NEVER;
          }
        }
        return headers;
      }),
    /** The service name traces carry. */
    OTEL_SERVICE_NAME: optionalString.transform((value) => value ?? "tandem"),
    /** How long a "Download my data" zip stays downloadable (and stored) after it is ready. */
    TANDEM_RETAIN_DATA_EXPORTS_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    TANDEM_RETAIN_ABANDONED_UPLOADS_DAYS: z.coerce.number().int().min(1).max(30).default(1),
    TANDEM_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(30 * 24 * 60).default(8 * 60),
    TANDEM_SIGN_UP_DOMAINS: domainList,
    /** The port this instance listens on (the launcher reads it too). */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(5488),
    NEXTAUTH_URL: optionalString.pipe(z.url("must be a full URL such as https://tandem.example.org").optional()),
    NEXTAUTH_SECRET: optionalString.pipe(
      z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    ),
    SMTP_URL: optionalString.pipe(
      z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    ),
    EMAIL_FROM: z.string().default("Tandem <no-reply@tandem.localhost>"),
    OIDC_ISSUER: optionalString.pipe(z.url("must be the issuer URL of your identity provider").optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_DISPLAY_NAME: z.string().default("your organisation account"),
    OIDC_ALLOWED_TENANTS: tenantList,
    OIDC_PROVIDERS: oidcProviderList,
  })
  .superRefine((value, ctx) => {
    const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!value[key]) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is required when any OIDC_ variable is set (set all three, or none)",
          });
        }
      }
    }
    if (value.OIDC_ALLOWED_TENANTS && !value.OIDC_ISSUER) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ALLOWED_TENANTS"], message: "is only used together with OIDC_ISSUER" });
    }
    const issuers: { path: (string | number)[]; issuer: string; tenants: string[] | undefined; tenantsPath: (string | number)[] }[] = [
      ...(value.OIDC_ISSUER
        ? [{ path: ["OIDC_ISSUER"], issuer: value.OIDC_ISSUER, tenants: value.OIDC_ALLOWED_TENANTS, tenantsPath: ["OIDC_ALLOWED_TENANTS"] }]
        : []),
      ...value.OIDC_PROVIDERS.map((provider, index) => ({
        path: ["OIDC_PROVIDERS", index, "issuer"],
        issuer: provider.issuer,
        tenants: provider.allowedTenants,
        tenantsPath: ["OIDC_PROVIDERS", index, "allowedTenants"],
      })),
    ];
    for (const { path, issuer, tenants, tenantsPath } of issuers) {
      if (isUnsupportedEntraIssuer(issuer)) {
        ctx.addIssue({
          code: "custom",
          path,
          message: "must name one tenant (https://login.microsoftonline.com/<tenant-id>/v2.0) or be the multi-tenant https://login.microsoftonline.com/organizations/v2.0",
        });
      } else if (isEntraMultiTenantIssuer(issuer) && !tenants) {
        ctx.addIssue({
          code: "custom",
          path: tenantsPath,
          message: "is required for a multi-tenant Microsoft Entra issuer: list the tenant ids of the organisations whose accounts may sign in",
        });
      }
      if (value.NODE_ENV === "production" && !issuer.startsWith("https://")) {
        ctx.addIssue({ code: "custom", path, message: "must be an https:// URL in production" });
      }
    }
    if (value.TANDEM_FILE_STORAGE === "s3" && !value.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when TANDEM_FILE_STORAGE is s3" });
    }
    if (Boolean(value.S3_ACCESS_KEY_ID) !== Boolean(value.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: [value.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
        message: "is required when the other S3 key is set (set both, or neither to use the machine's own credentials)",
      });
    }
    const seen = new Set(["email", "oidc"]);
    value.OIDC_PROVIDERS.forEach((provider, index) => {
      if (seen.has(provider.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["OIDC_PROVIDERS", index, "id"],
          message: `"${provider.id}" is already used (each provider needs its own id; "oidc" is the one set by OIDC_ISSUER, "email" is the email link)`,
        });
      }
      seen.add(provider.id);
    });
    if (value.NODE_ENV === "production" && !value.TANDEM_DEMO_MODE) {
      if (!value.NEXTAUTH_SECRET) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
      }
      if (!value.NEXTAUTH_URL) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required in production" });
      }
      if (!value.SMTP_URL && !value.OIDC_ISSUER && value.OIDC_PROVIDERS.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["SMTP_URL"],
          message: "is required in production unless an OIDC provider is configured (otherwise nobody can sign in)",
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Tandem cannot start: invalid configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** `OIDC_PROVIDERS[1].issuer`: the variable, then where inside its value. */
function formatPath(path: PropertyKey[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${formatPath(issue.path) || "environment"} ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once, on first use). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Emails land in the developer outbox instead of SMTP: only without SMTP, and never in production unless in demo mode. */
export function outboxEnabled(env: Env = getEnv()): boolean {
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || env.TANDEM_DEMO_MODE);
}
