import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env`.
 * A bad or missing variable stops start-up with a message naming it.
 */

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
    TANDEM_DEMO_MODE: booleanFlag,
    TANDEM_DATA_DIR: z.string().default(".data"),
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
    if (value.NODE_ENV === "production" && !value.TANDEM_DEMO_MODE) {
      if (!value.NEXTAUTH_SECRET) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
      }
      if (!value.NEXTAUTH_URL) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required in production" });
      }
      if (!value.SMTP_URL && !value.OIDC_ISSUER) {
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

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
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
