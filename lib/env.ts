// Configuration, parsed once. Bad configuration fails at start with a message naming the variable.
// Every variable is documented in README.md § Configuration.
import { z } from "zod";
import { PUBLISHED_SECRETS, loadOrCreateSecrets, secretsFileFor, type GeneratedSecrets } from "@/lib/secrets";
import { parseTrustedProxies } from "@/lib/trusted-proxies";
import { isPostgres } from "@/lib/database-url";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const PUBLISHED_MESSAGE =
  "is a value published in the repository: remove it (a random one is generated and kept next to the database) or set your own";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/i,
      "must be a SQLite file: URL such as file:./data/difang.db or a postgresql:// URL",
    )
    .default("file:./data/difang.db"),
  SITE_NAME: z.string().min(1).default("柳州地方网"),
  SITE_SLOGAN: z.string().default("立足柳州，服务城乡：记录身边事，传递家乡声。"),
  SITE_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL such as https://news.example.cn" })
    .default("http://localhost:3000")
    .transform((u) => u.replace(/\/+$/, "")),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ICP_RECORD: z.string().default("桂ICP备00000000号-1"),
  PUBLIC_SECURITY_RECORD: z.string().default("桂公网安备 45020000000000号"),
  UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
  // Unset: generated on first start and kept next to the database (lib/secrets.ts).
  IP_HASH_SALT: z
    .string()
    .min(8, "must be at least 8 characters")
    .refine((v) => !PUBLISHED_SECRETS.includes(v), PUBLISHED_MESSAGE)
    .optional(),
  VIEW_BEACON_ENABLED: bool.default(true),
  APP_SECRET: z
    .string()
    .min(16, "must be at least 16 characters")
    .refine((v) => !PUBLISHED_SECRETS.includes(v), PUBLISHED_MESSAGE)
    .optional(),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v, ctx) => {
      try {
        return parseTrustedProxies(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  COMMENTS_AUTO_APPROVE: bool.default(false),
  COMMENT_SENSITIVE_WORDS: z
    .string()
    .default("赌博,博彩,代开发票,办证,枪支")
    .transform((v) =>
      v
        .split(/[,，、\n]/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  COMMENT_SENSITIVE_MODE: z.enum(["block", "mask"]).default("mask"),
  COMMENT_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(65536).default(256),
  // PostgreSQL only: connections each app process may open (README § Operations › PostgreSQL).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
});

export type Env = Omit<z.infer<typeof schema>, "APP_SECRET" | "IP_HASH_SALT"> & GeneratedSecrets;

function invalid(lines: string[]): Error {
  return new Error(`Invalid configuration (see README § Configuration):\n${lines.join("\n")}`);
}

/**
 * Parse and check the configuration. Secrets that are not configured come from
 * `loadSecrets(file next to the database)`, which creates that file on first start.
 */
function parseEnv(
  source: NodeJS.ProcessEnv,
  loadSecrets: (file: string) => GeneratedSecrets = loadOrCreateSecrets,
): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw invalid(result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`));
  }
  const { APP_SECRET, IP_HASH_SALT, ...rest } = result.data;
  if (APP_SECRET !== undefined && IP_HASH_SALT !== undefined) return { ...rest, APP_SECRET, IP_HASH_SALT };
  if (isPostgres(rest.DATABASE_URL)) {
    // Several nodes, possibly on several machines: no file they all share, so they must be given
    // the same values.
    const missing = [APP_SECRET ? null : "APP_SECRET", IP_HASH_SALT ? null : "IP_HASH_SALT"].filter(Boolean);
    throw invalid([
      `  ${missing.join(", ")}: required with a PostgreSQL DATABASE_URL (the same value on every node; generate one with: openssl rand -base64 32)`,
    ]);
  }
  const file = secretsFileFor(rest.DATABASE_URL);
  let generated: GeneratedSecrets;
  try {
    generated = loadSecrets(file);
  } catch (error) {
    const missing = [APP_SECRET ? null : "APP_SECRET", IP_HASH_SALT ? null : "IP_HASH_SALT"].filter(Boolean);
    throw invalid([
      `  ${missing.join(", ")}: not set, and the generated secrets in ${file} cannot be used: ${(error as Error).message}`,
    ]);
  }
  return {
    ...rest,
    APP_SECRET: APP_SECRET ?? generated.APP_SECRET,
    IP_HASH_SALT: IP_HASH_SALT ?? generated.IP_HASH_SALT,
  };
}

export const env: Env = parseEnv(process.env);
export { parseEnv };
