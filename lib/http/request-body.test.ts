import { describe, expect, it } from "vitest";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/http/request-body";

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
