// Configuration, parsed once. Bad configuration fails at start with a message naming the variable.
// Every variable is documented in README.md § Configuration.
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "must be a SQLite file: URL such as file:./data/difang.db")
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
  IP_HASH_SALT: z.string().min(8, "must be at least 8 characters").default("difang-development-salt"),
  VIEW_BEACON_ENABLED: bool.default(true),
  APP_SECRET: z
    .string()
    .min(16, "must be at least 16 characters")
    .default("difang-development-secret-change-me"),
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
});

const DEV_SECRETS = {
  IP_HASH_SALT: "difang-development-salt",
  APP_SECRET: "difang-development-secret-change-me",
} as const;

/** A public (https) deployment must not run on the secrets everyone can read in this file. */
const checked = schema.superRefine((e, ctx) => {
  if (!e.SITE_URL.startsWith("https://")) return;
  for (const [key, dev] of Object.entries(DEV_SECRETS)) {
    if (e[key as keyof typeof DEV_SECRETS] === dev) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: "must be set to a long random value when SITE_URL is https",
      });
    }
  }
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = checked.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration (see README § Configuration):\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
export { parseEnv };
