// npm run similarity:rebuild — recompute every story's "you may like" neighbours.
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-factory";
import { rebuildAllSimilar } from "@/lib/similarity/store";

async function main(): Promise<void> {
  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    const t0 = Date.now();
    const r = await rebuildAllSimilar(db);
    console.log(
      `similarity: ${r.stories} stories, ${r.links} links in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
