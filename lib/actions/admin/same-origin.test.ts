import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/actions/admin/same-origin";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/actions/admin/request-body";

const headers = (h: Record<string, string>) => new Headers(h);

describe("isSameOrigin", () => {
  it("accepts an Origin naming this host (port included)", () => {
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3210", host: "127.0.0.1:3210" }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "https://News.Example.cn", host: "news.example.cn" }))).toBe(true);
  });

  it("believes x-forwarded-host when a proxy sets it", () => {
    expect(
      isSameOrigin(
        headers({
          origin: "https://news.example.cn",
          host: "127.0.0.1:3000",
          "x-forwarded-host": "news.example.cn",
        }),
      ),
    ).toBe(true);
  });

  it("refuses foreign, missing, opaque and malformed origins", () => {
    expect(isSameOrigin(headers({ origin: "http://evil.example", host: "127.0.0.1:3210" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:9999", host: "127.0.0.1:3210" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3210" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host: "127.0.0.1:3210" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "::::", host: "127.0.0.1:3210" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3210" }))).toBe(false);
  });
});

function stream(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(1));
      controller.close();
    },
  });
}

describe("readBodyCapped", () => {
  it("returns the whole body when it fits", async () => {
    expect((await readBodyCapped(stream([3, 4]), 7)).length).toBe(7);
    expect((await readBodyCapped(null, 7)).length).toBe(0);
  });

  it("stops as soon as the cap is passed, whatever Content-Length said", async () => {
    await expect(readBodyCapped(stream([4, 4]), 7)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("declaredLength reads plain numbers only", () => {
    expect(declaredLength("123")).toBe(123);
    expect(declaredLength(null)).toBeNull();
    expect(declaredLength("12abc")).toBeNull();
    expect(declaredLength("-1")).toBeNull();
  });
});
