// Create an editor-area account, or reset an existing one (new password, re-enabled, signed out
// everywhere, login lockout cleared).
//
//   npm run admin:create -- --user NAME [--role admin|chief|editor|reporter] [--name 显示名]
//
// The password comes from DIFANG_ADMIN_PASSWORD or from standard input (one line; typed without
// echo on a terminal), never from the command line, where it would land in shell history and in
// every user's view of the process list. A new account is an admin unless --role says otherwise;
// an existing one keeps its role and display name unless given.
//
// Runs outside Next, so it builds its own Prisma client and imports no "server-only" module.
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-factory";
import { AUDIT } from "@/lib/auth/audit-actions";
import { hashPassword } from "@/lib/auth/password";
import {
  displayNameSchema,
  newPasswordSchema,
  roleSchema,
  usernameSchema,
  type Role,
} from "@/lib/auth/schemas";

const USAGE =
  "usage: npm run admin:create -- --user NAME [--role admin|chief|editor|reporter] [--name 显示名]";

class UsageError extends Error {}

interface Options {
  username: string;
  role: Role | undefined;
  displayName: string | undefined;
}

function parseOptions(argv: string[]): Options {
  let values: { user?: string; role?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        user: { type: "string", short: "u" },
        role: { type: "string", short: "r" },
        name: { type: "string", short: "n" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) {
      throw new UsageError(
        "passwords are never taken from the command line: set DIFANG_ADMIN_PASSWORD or pipe it on stdin",
      );
    }
    throw new UsageError(message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.user === undefined) throw new UsageError("missing --user NAME");
  const username = usernameSchema.safeParse(values.user);
  if (!username.success) throw new UsageError(`--user: ${username.error.issues[0]?.message ?? "invalid"}`);
  let role: Role | undefined;
  if (values.role !== undefined) {
    const parsed = roleSchema.safeParse(values.role);
    if (!parsed.success) throw new UsageError(`--role must be admin or editor, not "${values.role}"`);
    role = parsed.data;
  }
  let displayName: string | undefined;
  if (values.name !== undefined) {
    const parsed = displayNameSchema.safeParse(values.name);
    if (!parsed.success) throw new UsageError(`--name: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    displayName = parsed.data;
  }
  return { username: username.data, role, displayName };
}

/** One line typed on the terminal, not echoed. */
function readHiddenLine(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let line = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003") return finish(new UsageError("cancelled"));
        if (ch === "\u0004") return finish();
        if (ch === "\u007f" || ch === "\b") line = line.slice(0, -1);
        else line += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The first line of standard input (a pipe or a file). */
async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    if (Buffer.concat(chunks).includes(0x0a)) break;
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return (text.split("\n")[0] ?? "").replace(/\r$/, "");
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.DIFANG_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (process.stdin.isTTY) {
    const first = await readHiddenLine("Password: ");
    const again = await readHiddenLine("Password again: ");
    if (first !== again) throw new UsageError("the two passwords differ");
    return first;
  }
  return readFirstLine();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const password = newPasswordSchema.safeParse(await readPassword());
  if (!password.success) {
    throw new UsageError(
      `password: ${password.error.issues[0]?.message ?? "invalid"} (DIFANG_ADMIN_PASSWORD or one line on stdin)`,
    );
  }
  const passwordHash = await hashPassword(password.data);

  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    const existing = await db.user.findUnique({
      where: { username: options.username },
      select: { id: true },
    });
    if (existing) {
      const user = await db.user.update({
        where: { id: existing.id },
        data: {
          passwordHash,
          disabled: false,
          ...(options.role ? { role: options.role } : {}),
          ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
        },
        select: { id: true, role: true },
      });
      const { count } = await db.session.deleteMany({ where: { userId: user.id } });
      await db.loginAttempt.deleteMany({ where: { username: options.username, success: false } });
      await db.auditLog.create({
        data: {
          action: AUDIT.passwordReset,
          userId: null,
          detail: JSON.stringify({
            targetUserId: user.id,
            username: options.username,
            role: user.role,
            via: "admin:create",
          }),
        },
      });
      console.log(
        `Reset ${user.role} "${options.username}": new password, enabled, ${count} session(s) signed out, login lockout cleared.`,
      );
    } else {
      const role = options.role ?? "admin";
      const user = await db.user.create({
        data: { username: options.username, displayName: options.displayName ?? "", role, passwordHash },
        select: { id: true },
      });
      await db.auditLog.create({
        data: {
          action: AUDIT.userCreated,
          userId: null,
          detail: JSON.stringify({
            targetUserId: user.id,
            username: options.username,
            role,
            via: "admin:create",
          }),
        },
      });
      console.log(`Created ${role} "${options.username}". Sign in at ${env.SITE_URL}/admin/login`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`admin:create: ${error.message}\n${USAGE}`);
  } else {
    console.error("admin:create failed:", error);
  }
  process.exitCode = 1;
});
