// The .docx import on the fixture written by scripts/fixtures/make-docx.mjs, with its image
// stored through the upload pipeline on the test database; and the files it must refuse.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { uniq } from "@/lib/testing/fixtures";
import { DOCX_MESSAGES, MAX_DOCX_BYTES, importDocx, unpackedSize } from "@/lib/body/import/docx";
import { bodyImageStorer, type StoreUpload } from "@/lib/body/import/store-upload";

const NOW = new Date();
const FIXTURE = path.join(import.meta.dirname, "../../../e2e/fixtures/docx/story.docx");

async function storer(): Promise<StoreUpload> {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return bodyImageStorer(db, { id: user.id, role: "editor" }, env.UPLOAD_DIR, NOW);
}

/** A ZIP of stored (uncompressed) files, written by hand: the refusals need odd ones. */
function zip(files: Record<string, string>, declaredSize?: number): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declaredSize ?? data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe("importDocx", () => {
  it("turns the fixture into a title and a schema body, its image stored as an upload", async () => {
    const result = await importDocx(await readFile(FIXTURE), await storer());
    if (!result.ok) throw new Error(result.message);
    expect(result.title).toBe("融安金桔开摘 果农喜迎丰收年");
    expect(result.warnings).toEqual([]);
    const img =
      /<img src="(\/media\/(\d{6}\/[0-9a-f]{16})-320\.webp)" alt="大将镇金桔园里果农正在采摘" width="600" height="400">/.exec(
        result.body,
      );
    // 600 px wide: the largest derivative not wider than the image (lib/images/urls.ts imageRef).
    if (!img) throw new Error(result.body);
    expect(result.body).toBe(
      [
        "<p><strong>本报讯</strong>　近日，融安县大将镇的金桔进入采摘期，漫山遍野的果树挂满了<em>金灿灿</em>的果实。</p>",
        "<p>今年全县金桔种植面积达<strong>18万亩</strong>，预计产量<s>30万吨</s>32万吨。</p>",
        "<h2>一、品质提升</h2>",
        "<p>“今年雨水调匀，果子特别甜。”果农覃大姐说。</p>",
        "<ul><li>统一标准化种植；</li><li>推广绿色防控技术；</li><li>建设冷链仓储。</li></ul>",
        "<h2>二、销售渠道</h2>",
        "<ol><li>电商直播带货；</li><li>对接大型商超。</li></ol>",
        "<table><thead><tr><th>乡镇</th><th>面积（万亩）</th></tr></thead>",
        "<tbody><tr><td>大将镇</td><td>6.5</td></tr><tr><td>长安镇</td><td>4.2</td></tr></tbody></table>",
        `<figure>${img?.[0]}</figure>`,
        "<p>据了解，融安金桔已获国家地理标志产品保护。</p>",
      ].join(""),
    );
    const row = await (await getDb()).image.findUniqueOrThrow({ where: { key: img?.[2] ?? "" } });
    expect(row).toMatchObject({
      width: 600,
      height: 400,
      mime: "image/png",
      alt: "大将镇金桔园里果农正在采摘",
    });
    expect(existsSync(path.join(env.UPLOAD_DIR, `${img?.[2]}-320.webp`))).toBe(true);
  });

  it("imports the text and warns when an image is refused", async () => {
    const refuse: StoreUpload = async () => ({ ok: false, message: "仅支持 JPEG、PNG、WebP 格式的图片" });
    const result = await importDocx(await readFile(FIXTURE), refuse);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual(["文档中的第 1 张图片未导入：仅支持 JPEG、PNG、WebP 格式的图片"]);
    expect(result.body).not.toContain("<img");
    expect(result.body).toContain("<h2>一、品质提升</h2>");
  });

  it.each([
    ["an empty file", Buffer.alloc(0), DOCX_MESSAGES.empty],
    ["a PDF", Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), DOCX_MESSAGES.notDocx],
    [
      "an old .doc",
      Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]),
      DOCX_MESSAGES.oldDoc,
    ],
    ["a cut-off .docx", null, DOCX_MESSAGES.damaged],
    ["a ZIP that is not a Word document", zip({ "readme.txt": "你好" }), DOCX_MESSAGES.damaged],
    ["a zip bomb", zip({ "word/document.xml": "<x/>" }, 0xfffffff0), DOCX_MESSAGES.tooBig],
    ["a file too large", Buffer.alloc(MAX_DOCX_BYTES + 1), DOCX_MESSAGES.tooLarge],
  ])("refuses %s with a reason", async (_, given, message) => {
    const bytes = given ?? (await readFile(FIXTURE)).subarray(0, 4000);
    expect(await importDocx(bytes, await storer())).toEqual({ ok: false, message });
  });

  it("reads the unpacked size from the ZIP directory", async () => {
    expect(unpackedSize(zip({ a: "12345", b: "678" }))).toBe(8);
    expect(unpackedSize(Buffer.from("not a zip at all, not at all"))).toBeNull();
    expect(unpackedSize(await readFile(FIXTURE))).toBeGreaterThan(1000);
  });
});
