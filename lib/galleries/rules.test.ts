import { describe, expect, it } from "vitest";
import { coverImageId, moved, parseGalleryItem } from "@/lib/galleries/rules";
import { slideFromHash, slideId } from "@/lib/galleries/slides";
import { decodeOutcome, encodeOutcome } from "@/lib/galleries/upload-outcome";
import { galleryJsonLd } from "@/lib/galleries/json-ld";
import { imageRef } from "@/lib/images/urls";

describe("gallery rules", () => {
  it("moves one image a place, never past either end", () => {
    expect(moved([1, 2, 3], 3, "up")).toEqual([1, 3, 2]);
    expect(moved([1, 2, 3], 1, "down")).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 1, "up")).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 3, "down")).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 9, "up")).toEqual([1, 2, 3]);
  });

  it("takes the lead image as the cover, else the gallery's first", () => {
    expect(coverImageId(7, [3, 4])).toBe(7);
    expect(coverImageId(null, [3, 4])).toBe(3);
    expect(coverImageId(null, [])).toBeNull();
  });

  it("cleans and bounds captions and credits", () => {
    expect(parseGalleryItem({ caption: " 江景\u202e ", credit: "摄" })).toEqual({
      ok: true,
      input: { caption: "江景", credit: "摄" },
    });
    const long = parseGalleryItem({ caption: "字".repeat(301), credit: "" });
    expect(long.ok).toBe(false);
    expect(!long.ok && long.errors.caption?.[0]).toMatch(/300/);
  });

  it("names each image by an anchor and reads it back", () => {
    expect(slideId(3)).toBe("p3");
    expect(slideFromHash("#p3", 12)).toBe(3);
    expect(slideFromHash("#p13", 12)).toBeNull();
    expect(slideFromHash("#p0", 12)).toBeNull();
    expect(slideFromHash("#comments", 12)).toBeNull();
  });

  it("carries an upload's outcome through the address, refusing anything else", () => {
    const outcome = {
      added: 4,
      duplicates: 0,
      refused: [{ name: "文件.gif", message: "只接受 JPEG、PNG 或 WebP 图片" }],
    };
    expect(decodeOutcome(encodeOutcome(outcome))).toEqual(outcome);
    expect(decodeOutcome("not-base64-json")).toBeNull();
    expect(decodeOutcome(Buffer.from('{"added":-1}').toString("base64url"))).toBeNull();
    expect(decodeOutcome(undefined)).toBeNull();
  });
});

describe("gallery JSON-LD", () => {
  it("is an ImageGallery of ImageObjects with caption, creditText and contentUrl", () => {
    const img = (key: string, caption: string, credit: string) => ({
      ...imageRef({ key, width: 1600, height: 900, alt: "", caption: "", credit: "" }),
      caption,
      credit,
    });
    const data = galleryJsonLd(
      { title: "图集｜江景", href: "/liuzhou/12" },
      [
        { n: 1, image: img("2026/11/a", "晨雾", "本报记者 摄") },
        { n: 2, image: img("2026/11/b", "", "") },
      ],
      { siteUrl: "https://example.cn", siteName: "地方网" },
    );
    const parsed = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ImageGallery",
      name: "图集｜江景",
      url: "https://example.cn/liuzhou/12",
      numberOfItems: 2,
    });
    expect(parsed.associatedMedia).toEqual([
      {
        "@type": "ImageObject",
        contentUrl: "https://example.cn/media/2026/11/a-1280.webp",
        url: "https://example.cn/liuzhou/12#p1",
        width: 1280,
        height: 720,
        position: 1,
        caption: "晨雾",
        creditText: "本报记者 摄",
      },
      {
        "@type": "ImageObject",
        contentUrl: "https://example.cn/media/2026/11/b-1280.webp",
        url: "https://example.cn/liuzhou/12#p2",
        width: 1280,
        height: 720,
        position: 2,
      },
    ]);
  });
});
