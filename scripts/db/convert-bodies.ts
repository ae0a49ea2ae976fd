// `npm run db:migrate` runs this after the schema migrations: stories and revision snapshots still
// in Markdown are converted to the stored HTML (lib/body/convert.ts). Idempotent and restartable.
// `npm run body:check` (--dry-run) converts nothing and reports what converting would change:
// the stories whose reader HTML would differ, and why.
import { createPrismaClient } from "@/lib/prisma-factory";
import { convertStoredBodies } from "@/lib/body/convert";

async function main(): Promise<void> {
  const dryRun = process.argv.includes("--dry-run");
  const url = process.env.DATABASE_URL ?? "file:./data/difang.db";
  const db = await createPrismaClient(url);
  try {
    const quiet = process.argv.includes("--quiet");
    const stats = await convertStoredBodies(db, { dryRun, log: quiet ? () => {} : console.log });
    if (stats.stories === 0 && stats.revisions === 0) {
      if (!quiet) console.log("bodies: all in the stored form");
      return;
    }
    console.log(
      `bodies${dryRun ? " (dry run)" : ""}: ${stats.stories} stories, ${stats.revisions} revisions; ` +
        `reader HTML changed for ${stats.htmlChanged}, identical for ${stats.stories - stats.htmlChanged}; ` +
        `bodyText would differ for ${stats.textChanged}`,
    );
    for (const [reason, n] of Object.entries(stats.reasons)) console.log(`  ${n} × ${reason}`);
    for (const e of stats.examples) console.log(`  e.g. story ${e.id}: ${e.reason}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
