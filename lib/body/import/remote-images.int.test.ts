// Off-site and data: images in a body, stored at save time through the upload pipeline: a real
// HTTP server on 127.0.0.1 (reached through the tests-only loopback switch) serves a JPEG, a PNG,
// a 404, a web page, an image too large, redirects to the cloud metadata address and in circles,
// and a request that never answers; the images land as Image rows and files like any upload.
import { once } from "node:events";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { uniq } from "@/lib/testing/fixtures";
import { ALLOW_LOOPBACK_IN_TESTS, isPublicAddress, storeRemoteImages } from "@/lib/body/import/remote-images";
import { bodyImageStorer, type StoreUpload } from "@/lib/body/import/store-upload";
import { MAX_IMAGE_BYTES } from "@/lib/images/upload";

const NOW = new Date();
let server: http.Server;
let base: string;
let jpeg: Buffer;
let png: Buffer;

beforeAll(async () => {
  jpeg = await sharp({
    create: {
      width: 800,
      height: 500,
      channels: 3,
      background: { r: Math.floor(Math.random() * 255), g: 120, b: 40 },
    },
  })
    .jpeg()
    .toBuffer();
  png = await readFile(path.join(import.meta.dirname, "../../../public/logo.png"));
  server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/photo.jpg") res.writeHead(200, { "content-type": "image/jpeg" }).end(jpeg);
    else if (url === "/logo.png")
      res.writeHead(200, { "content-type": "image/png; charset=binary" }).end(png);
    else if (url === "/page.html") res.writeHead(200, { "content-type": "text/html" }).end("<p>hi</p>");
    else if (url === "/svg") res.writeHead(200, { "content-type": "image/svg+xml" }).end("<svg/>");
    else if (url === "/lies.jpg")
      res.writeHead(200, { "content-type": "image/jpeg" }).end("<p>not a jpeg</p>");
    else if (url === "/big.jpg") {
      // No Content-Length: the limit must hold on the bytes that arrive.
      res.writeHead(200, { "content-type": "image/jpeg" });
      res.end(Buffer.alloc(MAX_IMAGE_BYTES + 1024));
    } else if (url === "/to-metadata")
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else if (url === "/to-ten") res.writeHead(301, { location: "http://10.0.0.1/x.jpg" }).end();
    else if (url === "/to-photo") res.writeHead(302, { location: "/photo.jpg" }).end();
    else if (url.startsWith("/loop")) res.writeHead(302, { location: `/loop${url.length}` }).end();
    else if (url === "/never") req.socket.setTimeout(0);
    else res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

async function storer(): Promise<StoreUpload> {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return bodyImageStorer(db, { id: user.id, role: "editor" }, env.UPLOAD_DIR, NOW);
}

const figure = (src: string, alt = "图") => `<figure><img src="${src}" alt="${alt}"></figure>`;

describe("storeRemoteImages", () => {
  it("stores a JPEG and a PNG from another site as uploads and points the body at them", async () => {
    const body = `<p>正文</p>${figure(`${base}/photo.jpg`, "稻田")}${figure(`${base}/to-photo`, "同一张")}${figure(`${base}/logo.png`, "标志")}`;
    const out = await storeRemoteImages(body, {
      storeUpload: await storer(),
      allowLoopback: ALLOW_LOOPBACK_IN_TESTS,
    });
    expect(out.errors).toEqual([]);
    const srcs = [...out.html.matchAll(/<img src="([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)">/g)];
    expect(srcs).toHaveLength(3);
    const [photo, same, logo] = srcs;
    expect(photo?.[1]).toMatch(/^\/media\/\d{6}\/[0-9a-f]{16}-640\.webp$/);
    expect([photo?.[3], photo?.[4]]).toEqual(["800", "500"]);
    // The redirect led to the same bytes: the same stored image.
    expect(same?.[1]).toBe(photo?.[1]);
    expect(logo?.[1]).toMatch(/^\/media\/\d{6}\/[0-9a-f]{16}-\d+\.webp$/);
    expect(out.html).toContain('<p>正文</p><figure><img src="/media/');

    // An ordinary upload: its row, with the alt text, and its derivative on disk.
    const key = photo?.[1]?.replace(/^\/media\//, "").replace(/-640\.webp$/, "") ?? "";
    const row = await (await getDb()).image.findUniqueOrThrow({ where: { key } });
    expect(row).toMatchObject({ width: 800, height: 500, alt: "稻田", mime: "image/jpeg" });
    expect(existsSync(path.join(env.UPLOAD_DIR, `${key}-640.webp`))).toBe(true);
  });

  it("resolves a host name and connects to the address it checked", async () => {
    const port = (server.address() as AddressInfo).port;
    const out = await storeRemoteImages(figure(`http://localhost:${port}/photo.jpg`), {
      storeUpload: await storer(),
      allowLoopback: ALLOW_LOOPBACK_IN_TESTS,
    });
    expect(out.errors).toEqual([]);
    expect(out.html).toMatch(
      /^<figure><img src="\/media\/\d{6}\/[0-9a-f]{16}-640\.webp" alt="图" width="800" height="500"><\/figure>$/,
    );
  });

  it("stores a data: image and leaves site images alone", async () => {
    const tiny = (
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
        .png()
        .toBuffer()
    ).toString("base64");
    const body = `${figure(`data:image/png;base64,${tiny}`, "二维码")}${figure("/media/202601/aaaaaaaaaaaaaaaa-640.webp")}`;
    const out = await storeRemoteImages(body, { storeUpload: await storer() });
    expect(out.errors).toEqual([]);
    expect(out.html).toMatch(
      /^<figure><img src="\/media\/\d{6}\/[0-9a-f]{16}-320\.webp" alt="二维码" width="40" height="30"><\/figure>/,
    );
    expect(out.html).toContain('<img src="/media/202601/aaaaaaaaaaaaaaaa-640.webp" alt="图">');
  });

  it("refuses, one Chinese sentence per image, and leaves the refused images as they were", async () => {
    const sources = [
      `${base}/missing.jpg`,
      `${base}/page.html`,
      `${base}/svg`,
      `${base}/lies.jpg`,
      `${base}/big.jpg`,
      `${base}/to-metadata`,
      `${base}/to-ten`,
      `${base}/loop`,
      "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
      "ftp://example.com/a.jpg",
    ];
    const body = sources.map((s) => figure(s)).join("");
    const out = await storeRemoteImages(body, {
      storeUpload: await storer(),
      allowLoopback: ALLOW_LOOPBACK_IN_TESTS,
    });
    expect(out.errors).toEqual([
      `图片 ${base}/missing.jpg 无法获取：对方服务器返回 404`,
      `图片 ${base}/page.html 无法获取：不是 JPEG、PNG 或 WebP 图片（text/html）`,
      `图片 ${base}/svg 无法获取：不是 JPEG、PNG 或 WebP 图片（image/svg+xml）`,
      `图片 ${base}/lies.jpg 无法保存：文件不是可识别的图片（仅支持 JPEG、PNG、WebP）`,
      `图片 ${base}/big.jpg 无法获取：图片超过 8 MB`,
      `图片 ${base}/to-metadata 无法获取：地址指向内部网络，已拒绝`,
      `图片 ${base}/to-ten 无法获取：地址指向内部网络，已拒绝`,
      `图片 ${base}/loop 无法获取：重定向超过 3 次`,
      "图片 （粘贴的图片数据） 无法获取：图片数据无法识别（仅支持 JPEG、PNG、WebP）",
    ]);
    // ftp: is not this step's business (normalizeBody drops it).
    expect(out.html).toBe(body);
  });

  it("refuses an address with a user name and password, and does not repeat the password", async () => {
    const out = await storeRemoteImages(figure(`http://user:secret@127.0.0.1:9/a.jpg`), {
      storeUpload: await storer(),
      allowLoopback: ALLOW_LOOPBACK_IN_TESTS,
    });
    expect(out.errors).toEqual(["图片 http://…@127.0.0.1:9/a.jpg 无法获取：图片地址中不能包含用户名或密码"]);
  });

  it("gives up on a server that never answers, at the deadline", async () => {
    const started = Date.now();
    const out = await storeRemoteImages(figure(`${base}/never`), {
      storeUpload: await storer(),
      allowLoopback: ALLOW_LOOPBACK_IN_TESTS,
      timeoutMs: 600,
    });
    expect(out.errors).toEqual([`图片 ${base}/never 无法获取：1 秒内没有下载完成`]);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("fetches at most maxImages per save", async () => {
    const body = [1, 2, 3].map((n) => figure(`${base}/missing-${n}.jpg`)).join("");
    const out = await storeRemoteImages(body, {
      storeUpload: await storer(),
      allowLoopback: ALLOW_LOOPBACK_IN_TESTS,
      maxImages: 2,
    });
    expect(out.errors).toHaveLength(3);
    expect(out.errors[2]).toBe(
      `图片 ${base}/missing-3.jpg 未获取：一次保存最多自动获取 2 张外站图片，请分几次保存或先上传`,
    );
  });

  it("by default refuses this machine, by address and by name", async () => {
    const port = (server.address() as AddressInfo).port;
    const body =
      figure(`http://127.0.0.1:${port}/photo.jpg`) +
      figure(`http://localhost:${port}/photo.jpg`) +
      figure(`http://[::1]:${port}/photo.jpg`) +
      figure(`http://[::ffff:127.0.0.1]:${port}/photo.jpg`);
    const out = await storeRemoteImages(body, { storeUpload: await storer() });
    expect(out.errors).toHaveLength(4);
    for (const e of out.errors) expect(e).toMatch(/无法获取：地址指向内部网络，已拒绝$/);
  });

  it("the loopback switch cannot be turned on by a value from a request", async () => {
    const fromRequest = JSON.parse('{"allowLoopback": true}') as {
      allowLoopback: typeof ALLOW_LOOPBACK_IN_TESTS;
    };
    const out = await storeRemoteImages(figure(`${base}/photo.jpg`), {
      storeUpload: await storer(),
      ...fromRequest,
    });
    expect(out.errors).toEqual([`图片 ${base}/photo.jpg 无法获取：地址指向内部网络，已拒绝`]);
  });

  it.each([
    ["8.8.8.8", true],
    ["2400:3200::1", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.20.0.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["::1", false],
    ["fe80::1", false],
    ["fd00::1", false],
    ["ff02::1", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:8.8.8.8", true],
  ])("isPublicAddress(%s) is %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
