// What a reader's browser gets of a story's images: the lead image a reporter uploaded keeps no
// EXIF (no GPS position) in anything served, its uploaded bytes have no address, and a body can
// embed images from the site only, so a reader's page makes no request to another site.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import {
  EDITOR,
  bodyEditor,
  fillBody,
  fillStory,
  pasteHtml,
  readerPage,
  signIn,
  submitNewStory,
  unique,
} from "./admin-helpers";

/** A phone photo: GPS position and a description in its EXIF, stored on its side (orientation 6). */
async function phonePhoto(): Promise<Buffer> {
  const raw = randomBytes(32 * 20 * 3);
  return sharp(raw, { raw: { width: 32, height: 20, channels: 3 } })
    .resize(960, 640, { kernel: "nearest" })
    .withExif({
      IFD0: { ImageDescription: "Secret meeting place" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "24/1 19/1 30/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "109/1 24/1 15/1",
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 85 })
    .toBuffer();
}

test("an uploaded photo's GPS position reaches no reader; its original has no address", async ({
  page,
  browser,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  const title = unique("题图隐私");
  await fillStory(page, { title, body: "正文。" });
  await page.getByLabel("选择图片文件").setInputFiles({
    name: "IMG_0001.jpg",
    mimeType: "image/jpeg",
    buffer: await phonePhoto(),
  });
  await page.getByRole("button", { name: "上传图片" }).click();
  await expect(page.getByText("图片已上传并设为题图")).toBeVisible();
  // The shown size: the photo stands upright.
  await expect(page.getByText(/当前题图：#\d+（640×960）/)).toBeVisible();
  await page.getByLabel("题图替代文字").fill("会场");
  await page.getByLabel("图片说明").fill("会场一角");
  const id = await submitNewStory(page, "立即发布");

  const reader = await readerPage(browser);
  await reader.page.goto(`/liujiang/${id}`);
  const img = reader.page.locator(".story-figure img");
  const srcset = (await img.getAttribute("srcset")) ?? "";
  const urls = new Set([
    (await img.getAttribute("src")) ?? "",
    ...srcset.split(",").map((s) => s.trim().split(" ")[0] ?? ""),
  ]);
  expect(urls.size).toBeGreaterThan(1);
  for (const url of urls) {
    const res = await reader.page.request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/webp");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-disposition"]).toMatch(/^inline; filename=/);
    const meta = await sharp(await res.body()).metadata();
    expect(meta.exif, url).toBeUndefined();
    expect(meta.orientation, url).toBeUndefined();
    expect(meta.height).toBeGreaterThan(meta.width);
  }
  // The address the uploaded file would have had, derived from a derivative's.
  const some = [...urls][0] ?? "";
  const stem = some.replace(/-\d+\.webp$/, "");
  for (const guess of [
    `${stem}.jpg`,
    `${stem}.jpeg`,
    `${stem}.webp`,
    some.replace("/media/", "/media/masters/"),
  ]) {
    expect((await reader.page.request.get(guess)).status(), guess).toBe(404);
  }
  await reader.context.close();
});

test("an image from another site that cannot be fetched refuses the save, naming it; nothing typed is lost", async ({
  page,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  const external = `https://img.example.com/${unique("p")}.jpg`;
  const second = `第二段 ${unique("b")}。`;
  const title = unique("外链图片");
  await fillStory(page, { title, body: "导语。", tags: "测试" });
  // Nothing may ask another site for anything while the editor works.
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).hostname === "img.example.com") foreign.push(r.url());
  });
  // Pasted from a web page: the image stays in the editor (shown by its address, not loaded by
  // the browser).
  await bodyEditor(page).click();
  await page.keyboard.press("End");
  await pasteHtml(page, `<p>上文</p><img src="${external}" alt="现场图"><p>${second}</p>`);
  await expect(bodyEditor(page)).toContainText(second);
  await page.getByRole("button", { name: "保存草稿" }).click();

  // The server tries to fetch it to store it as an upload (never hot-linked); this machine
  // cannot reach img.example.com, so the save is refused with the image named.
  await expect(page.locator("#article-body-error")).toContainText(`图片 ${external} 无法获取`);
  await expect(bodyEditor(page)).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/articles\/new$/);
  await expect(bodyEditor(page)).toContainText(second);
  await expect(bodyEditor(page)).toContainText(external);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("标签")).toHaveValue("测试");

  // As a link it is fine.
  await fillBody(page, `导语。\n\n[现场图](${external})\n\n${second}`);
  await submitNewStory(page, "保存草稿");
  expect(foreign).toEqual([]);
});
