// npm run images:clean — images stored before uploads were cleaned: turn each kept upload into a
// metadata-free master under UPLOAD_DIR/masters, remake its derivatives, delete the uploaded file
// (lib/images/clean.ts). Safe to run again; `npm run portal` runs it on every start.
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-factory";
import { cleanStoredImages } from "@/lib/images/clean";

async function main(): Promise<void> {
  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    const r = await cleanStoredImages(db, env.UPLOAD_DIR);
    if (r.cleaned.length > 0) console.log(`images: ${r.cleaned.length} stored uploads cleaned of metadata`);
    for (const f of r.failed) console.error(`images: ${f.file} left as it is: ${f.reason}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
