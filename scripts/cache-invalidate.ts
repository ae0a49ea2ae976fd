// npm run cache:invalidate -- [tag ...] — tell every running process that cached pages and reads
// carrying these tags changed (default: `site`, i.e. every reader page), after changing data by
// hand (sqlite3, an import) rather than through the editor area, which records its own.
// Tags: site, channels, article:<id>, comments:<id> (lib/data/cache-tags.ts).
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-factory";
import { recordInvalidation } from "@/lib/cache/invalidate";

const TAG = /^(site|channels|(article|comments):[1-9]\d{0,9})$/;

async function main(): Promise<void> {
  const tags = process.argv.slice(2).filter((a) => a !== "--");
  const wanted = tags.length > 0 ? tags : ["site"];
  const bad = wanted.filter((t) => !TAG.test(t));
  if (bad.length > 0) {
    console.error(
      `unknown cache tag(s): ${bad.join(", ")} (use site, channels, article:<id>, comments:<id>)`,
    );
    process.exit(2);
  }
  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    await recordInvalidation(db, wanted, new Date());
    console.log(`invalidated: ${wanted.join(", ")}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
