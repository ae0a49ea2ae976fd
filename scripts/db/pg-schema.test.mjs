import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchema } from "./pg-schema.mjs";

const root = path.resolve(import.meta.dirname, "../..");

describe("prisma/postgresql/schema.prisma", () => {
  it("is the generated twin of prisma/schema.prisma (run node scripts/db/pg-schema.mjs)", () => {
    const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const twin = readFileSync(path.join(root, "prisma/postgresql/schema.prisma"), "utf8");
    expect(twin).toBe(postgresSchema(source));
  });

  it("switches only the provider and the client's folder", () => {
    const twin = postgresSchema(
      'provider = "sqlite"\noutput     = "../lib/generated/prisma"\nmodel A { id Int @id }',
    );
    expect(twin).toContain('provider = "postgresql"');
    expect(twin).toContain('"../../lib/generated/prisma-pg"');
    expect(twin).toContain("model A { id Int @id }");
  });
});
