// A .docx → the start of a story: its title and a body in the stored form (lib/body/schema.ts).
// Server-only.
//
//   importDocx(bytes, storeUpload) → { ok: true, title, body, warnings } | { ok: false, message }
//
// mammoth (a well-kept converter) reads the document: headings (Word's Heading n and WPS's
// 标题 n styles; the Title style is the story's title), bold, italic, strike, lists, tables.
// Every embedded image goes through `storeUpload` (lib/body/import/store-upload.ts: the upload
// checks and processing of every other image); its description in Word is its alt text. The
// HTML mammoth writes then goes through cleanPastedHtml, which brings it into the schema (h1 →
// h2, the full-width first-line indent removed, …). The title is the Title-style paragraph, else
// the first heading when it opens the document (taken out of the body either way).
// Refusals, in Chinese, are for what the editor gave: not a .docx (an old .doc, a PDF, a renamed
// file), a damaged file, or one that unpacks to more than MAX_UNPACKED_BYTES (a zip bomb).
import "server-only";
import mammoth from "mammoth";
import { DomUtils, parseDocument } from "htmlparser2";
import { cleanPastedHtmlWithReport } from "@/lib/body/import/paste";
import type { StoreUpload } from "@/lib/body/import/store-upload";

/** Largest .docx accepted: a long story with a dozen photos. */
export const MAX_DOCX_BYTES = 30 * 1024 * 1024;
/** Largest total of the files inside it once unpacked. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Images stored from one document at most; the rest are left out with a warning. */
export const MAX_DOCX_IMAGES = 40;

export const DOCX_MESSAGES = {
  empty: "请选择要导入的 Word 文档（.docx）",
  tooLarge: `文档不能超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB`,
  oldDoc: "这是旧版 Word 文档（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入",
  notDocx: "文件不是 Word 文档（.docx），请选择 .docx 文件",
  damaged: "文档已损坏，无法读取。请在 Word 或 WPS 中打开并重新保存后再导入",
  tooBig: "文档解压后过大，无法导入",
  noTitle: "文档中没有找到标题，请手动填写标题",
  empty_body: "文档中没有可导入的正文",
} as const;

export type DocxImport =
  { ok: true; title: string; body: string; warnings: string[] } | { ok: false; message: string };

// Word's built-in names are English in the file whatever the interface language; WPS and
// documents from templates may carry Chinese names.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='标题'] => h1.doc-title:fresh",
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "r[style-name='Strong'] => strong",
];

/**
 * The total unpacked size the ZIP's central directory declares, or null when `bytes` is not a
 * readable ZIP. Read before anything is unpacked, so that a zip bomb is refused for its size.
 */
export function unpackedSize(bytes: Buffer): number | null {
  // The end-of-central-directory record: in the last 22 bytes plus at most a 64 KB comment.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(offset + 24);
    // ZIP64 sizes (0xffffffff) are not expected in a story: counted as too large.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
  }
  return total;
}

/** Why `bytes` cannot be a .docx, or null. */
function refusal(bytes: Buffer): string | null {
  if (bytes.length === 0) return DOCX_MESSAGES.empty;
  if (bytes.length > MAX_DOCX_BYTES) return DOCX_MESSAGES.tooLarge;
  // The OLE2 compound file of Word 97–2003 (.doc, also .wps).
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) return DOCX_MESSAGES.oldDoc;
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== 0x04034b50) return DOCX_MESSAGES.notDocx;
  const size = unpackedSize(bytes);
  if (size === null) return DOCX_MESSAGES.damaged;
  if (size > MAX_UNPACKED_BYTES) return DOCX_MESSAGES.tooBig;
  return null;
}

/** The title and the rest: the Title paragraph, else a heading that opens the document. */
function takeTitle(html: string): { title: string; html: string } {
  const doc = parseDocument(html, { decodeEntities: true });
  const blocks = doc.children.filter(DomUtils.isTag);
  const isHeading = (name: string) => /^h[1-6]$/.test(name);
  const marked = DomUtils.findOne(
    (e) => e.name === "h1" && e.attribs.class === "doc-title",
    doc.children,
    false,
  );
  const first = blocks.find((b) => DomUtils.textContent(b).trim() !== "");
  const chosen = marked ?? (first && isHeading(first.name) ? first : null);
  if (!chosen) return { title: "", html };
  const title = DomUtils.textContent(chosen).replace(/\s+/g, " ").trim();
  DomUtils.removeElement(chosen);
  return { title, html: DomUtils.getOuterHTML(doc, { encodeEntities: "utf8" }) };
}

export async function importDocx(bytes: Buffer, storeUpload: StoreUpload): Promise<DocxImport> {
  const refused = refusal(bytes);
  if (refused) return { ok: false, message: refused };

  const warnings: string[] = [];
  const sizes = new Map<string, { width: number; height: number }>();
  // A store that threw (not a refused image): set inside mammoth's callback.
  const storeFailure: { error?: unknown } = {};
  let imageCount = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    imageCount++;
    const n = imageCount;
    if (n > MAX_DOCX_IMAGES) {
      warnings.push(`文档中的第 ${n} 张图片未导入：一篇文档最多导入 ${MAX_DOCX_IMAGES} 张图片`);
      return { src: "" };
    }
    let stored;
    try {
      // mammoth sets altText (the picture's description in Word); its type declarations omit it.
      const alt = (image as { altText?: string }).altText ?? "";
      stored = await storeUpload(Buffer.from(await image.readAsBuffer()), alt);
    } catch (error) {
      storeFailure.error = error;
      throw error;
    }
    if (stored.ok) {
      sizes.set(stored.image.src, stored.image);
      return { src: stored.image.src };
    }
    warnings.push(`文档中的第 ${n} 张图片未导入：${stored.message}`);
    return { src: "" };
  });

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, convertImage });
    html = result.value;
  } catch (error) {
    // A fault of the server while storing an image (the database) stays one; anything else
    // mammoth throws is about the file: a ZIP that is not a Word document, or a damaged one.
    if ("error" in storeFailure) throw storeFailure.error;
    console.warn(
      `docx import: unreadable document: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { ok: false, message: DOCX_MESSAGES.damaged };
  }

  const { title, html: rest } = takeTitle(html);
  let { html: body } = cleanPastedHtmlWithReport(rest);
  // cleanPastedHtml keeps an image's src and alt; the size is the stored image's.
  for (const [src, { width, height }] of sizes)
    body = body.replaceAll(
      new RegExp(`<img src="${src.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" alt="([^"]*)">`, "g"),
      `<img src="${src}" alt="$1" width="${width}" height="${height}">`,
    );
  if (title === "") warnings.push(DOCX_MESSAGES.noTitle);
  if (body === "") warnings.push(DOCX_MESSAGES.empty_body);
  return { ok: true, title, body, warnings };
}
