import { describe, expect, it } from "vitest";
import {
  MIN_FILL_MS,
  applySensitiveWords,
  bodyFingerprint,
  checkFormToken,
  cleanText,
  commentSchema,
  issueFormToken,
} from "@/lib/comments/policy";

const SECRET = "test-secret-0123456789";

describe("commentSchema", () => {
  it("defaults the nickname to 网友 and trims the body", () => {
    const r = commentSchema.parse({ articleId: "7", body: "  说得好！  " });
    expect(r).toMatchObject({ articleId: 7, nickname: "网友", body: "说得好！", website: "", token: "" });
  });
  it("enforces 2–500 characters counted as characters, not bytes", () => {
    expect(commentSchema.safeParse({ articleId: 1, body: "好" }).success).toBe(false);
    expect(commentSchema.safeParse({ articleId: 1, body: "好".repeat(500) }).success).toBe(true);
    expect(commentSchema.safeParse({ articleId: 1, body: "好".repeat(501) }).success).toBe(false);
    expect(commentSchema.safeParse({ articleId: 1, body: "😀😀" }).success).toBe(true);
  });
  it("rejects a missing body, a long nickname and a bad article id with messages", () => {
    const r = commentSchema.safeParse({ articleId: "x", nickname: "名".repeat(21) });
    expect(r.success).toBe(false);
    if (!r.success) {
      const fe = r.error.flatten().fieldErrors;
      expect(fe.body?.[0]).toBeTruthy();
      expect(fe.nickname?.[0]).toContain("20");
      expect(fe.articleId?.[0]).toBeTruthy();
    }
  });
  it("does not count whitespace and invisible characters towards the minimum", () => {
    expect(commentSchema.safeParse({ articleId: 1, body: " \u200b好\u200b " }).success).toBe(false);
  });
});

describe("control and bidi characters in comments", () => {
  it("strips bidi isolates, overrides and controls from the body and the nickname", () => {
    const r = commentSchema.parse({
      articleId: 1,
      nickname: "\u2067老\u0000王\u2069\u202E",
      body: "这条\u2066评论\u2069会\u202E反转\u202C\u0000吗\u200F",
    });
    expect(r.nickname).toBe("老王");
    expect(r.body).toBe("这条评论会反转吗");
  });
});

describe("cleanText", () => {
  it("removes control and zero-width characters and squeezes blank lines", () => {
    expect(cleanText("a\u0000b\u200bc\r\n\r\n\r\n\r\nd")).toBe("abc\n\nd");
  });
});

describe("form token", () => {
  const t0 = 1_800_000_000_000;
  it("accepts a token after the minimum fill time, for its own article only", () => {
    const token = issueFormToken(5, t0, SECRET);
    expect(checkFormToken(token, 5, t0 + MIN_FILL_MS, SECRET)).toBe("ok");
    expect(checkFormToken(token, 6, t0 + MIN_FILL_MS, SECRET)).toBe("invalid");
    expect(checkFormToken(token, 5, t0 + MIN_FILL_MS, "other-secret-xxxxxxx")).toBe("invalid");
  });
  it("refuses a submit faster than a person can type, and stale tokens", () => {
    const token = issueFormToken(5, t0, SECRET);
    expect(checkFormToken(token, 5, t0 + 500, SECRET)).toBe("too-fast");
    expect(checkFormToken(token, 5, t0 + 25 * 3_600_000, SECRET)).toBe("expired");
  });
  it("refuses forged or malformed tokens", () => {
    const token = issueFormToken(5, t0, SECRET);
    const forged = `${t0 - 60_000}.${token.split(".")[1]}`;
    expect(checkFormToken(forged, 5, t0 + MIN_FILL_MS, SECRET)).toBe("invalid");
    for (const bad of ["", "abc", "123.xyz", `${t0}.`])
      expect(checkFormToken(bad, 5, t0, SECRET)).toBe("invalid");
  });
});

describe("applySensitiveWords", () => {
  const words = ["赌博", "代开发票", "Casino"];
  it("blocks in block mode", () => {
    expect(applySensitiveWords("网上赌博害人", words, "block")).toMatchObject({
      blocked: true,
      found: ["赌博"],
    });
  });
  it("masks each character with ＊ in mask mode, case-insensitively", () => {
    expect(applySensitiveWords("远离赌博，拒绝代开发票和casino", words, "mask").text).toBe(
      "远离＊＊，拒绝＊＊＊＊和＊＊＊＊＊＊",
    );
  });
  it("leaves clean text alone", () => {
    expect(applySensitiveWords("螺蛳粉真香", words, "block")).toEqual({
      blocked: false,
      text: "螺蛳粉真香",
      found: [],
    });
  });
});

describe("bodyFingerprint", () => {
  it("ignores spacing and punctuation but not words", () => {
    expect(bodyFingerprint("说得好！ 支持。")).toBe(bodyFingerprint("说得好 支持"));
    expect(bodyFingerprint("说得好")).not.toBe(bodyFingerprint("说得不好"));
  });
});
