import { describe, expect, it } from "vitest";
import { checkDatabase } from "@/lib/data/health";
import { dialectOf } from "@/lib/database-url";
import { env } from "@/lib/env";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";

describe("checkDatabase (/api/health)", () => {
  it("reads the database and names the store", async () => {
    const ch = await makeChannel();
    await makeArticle({ channelId: ch.id });
    const got = await checkDatabase();
    expect(got.ok).toBe(true);
    expect(got.dialect).toBe(dialectOf(env.DATABASE_URL));
    expect(got.articles).toBeGreaterThan(0);
  });
});
