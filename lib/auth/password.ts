// Password hashing with argon2id. No "server-only" marker: scripts/admin-create.ts uses it too.
import { hash, verify, type Options } from "@node-rs/argon2";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

/**
 * OWASP's baseline for argon2id (19 MiB, 2 passes, 1 lane): about 30 ms here, which bounds both
 * brute force and the cost of the login endpoint. Parameters are stored in each hash, so raising
 * them later keeps old hashes verifiable. `algorithm: 2` is Algorithm.Argon2id (a const enum that
 * cannot be imported under isolatedModules).
 */
const OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed stored hash (never throws on bad input). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verify against a fixed hash when the username does not exist, so that a login for an unknown
 * name takes as long as one for a known name (no username probing by timing).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("difang-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
