import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

type Ctx = { params: Promise<{ key: string[] }> };

const TYPES: Record<string, string> = { ".webp": "image/webp", ".jpg": "image/jpeg", ".png": "image/png" };

/**
 * Stored images and derivatives. Keys are content hashes, so a URL never changes content: the
 * response is cacheable for a year. Only `YYYYMM/<hex>[-<width>].<ext>` names are served.
 */
export async function GET(_req: Request, { params }: Ctx) {
  const parts = (await params).key;
  const rel = parts.join("/");
  if (!/^\d{6}\/[0-9a-f]{16}(-\d{2,4})?\.(webp|jpg|png)$/.test(rel)) {
    return new Response("Not found", { status: 404 });
  }
  const type = TYPES[path.extname(rel)] ?? "application/octet-stream";
  try {
    const bytes = await readFile(path.join(path.resolve(env.UPLOAD_DIR), rel));
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": type,
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
