import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

type Ctx = { params: Promise<{ key: string[] }> };

/**
 * The WebP derivatives of stored images, nothing else: masters live under `masters/`, which this
 * pattern never reaches, and every served file was encoded by sharp (lib/images/store.ts), so no
 * uploaded byte and no metadata but the colour profile reaches a reader. Keys are content hashes,
 * so a URL never changes content: the response is cacheable for a year.
 */
export async function GET(_req: Request, { params }: Ctx) {
  const parts = (await params).key;
  const rel = parts.join("/");
  if (!/^\d{6}\/[0-9a-f]{16}-\d{2,4}\.webp$/.test(rel)) {
    return new Response("Not found", { status: 404 });
  }
  try {
    const bytes = await readFile(path.join(path.resolve(env.UPLOAD_DIR), rel));
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "image/webp",
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `inline; filename="${path.basename(rel)}"`,
        // Content-Security-Policy: next.config.mjs (lib/security/headers.mjs) sends a sandbox one.
      },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
