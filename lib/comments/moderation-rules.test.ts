import { describe, expect, it } from "vitest";
import {
  MAX_BULK,
  banHoursLabel,
  banSchema,
  moderationRequest,
  moderationSchema,
  readModerationForm,
} from "@/lib/comments/moderation-rules";

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const parse = (fd: FormData) => {
  const parsed = moderationSchema.safeParse(readModerationForm(fd));
  return parsed.success
    ? { ok: true as const, request: moderationRequest(parsed.data) }
    : { ok: false as const, message: parsed.error.issues[0]?.message };
};

describe("moderation form", () => {
  it("a row button decides that one comment, whatever boxes are checked", () => {
    expect(
      parse(
        form([
          ["row", "approve:42"],
          ["ids", "1"],
          ["decision", "delete"],
        ]),
      ),
    ).toEqual({
      ok: true,
      request: { decision: "approve", ids: [42] },
    });
    expect(parse(form([["row", "reject:7"]]))).toEqual({
      ok: true,
      request: { decision: "reject", ids: [7] },
    });
  });

  it("a bulk button decides the checked comments (each once)", () => {
    expect(
      parse(
        form([
          ["ids", "3"],
          ["ids", "5"],
          ["ids", "3"],
          ["decision", "delete"],
        ]),
      ),
    ).toEqual({
      ok: true,
      request: { decision: "delete", ids: [3, 5] },
    });
  });

  it("says so when nothing is checked; refuses unknown decisions and malformed rows", () => {
    expect(parse(form([["decision", "approve"]]))).toEqual({ ok: false, message: "请先勾选评论" });
    expect(
      parse(
        form([
          ["ids", "3"],
          ["decision", "ban"],
        ]),
      ).ok,
    ).toBe(false);
    expect(parse(form([["row", "approve:0"]])).ok).toBe(false);
    expect(parse(form([["row", "publish:3"]])).ok).toBe(false);
    expect(
      parse(
        form([
          ["ids", "x"],
          ["decision", "approve"],
        ]),
      ).ok,
    ).toBe(false);
  });

  it("bounds a bulk request", () => {
    const many = Array.from({ length: MAX_BULK + 1 }, (_, i): [string, string] => ["ids", String(i + 1)]);
    expect(parse(form([...many, ["decision", "approve"]])).ok).toBe(false);
  });
});

describe("bans", () => {
  it("accepts only the offered durations", () => {
    expect(banSchema.parse({ commentId: "9", hours: "24" })).toEqual({ commentId: 9, hours: 24, reason: "" });
    expect(banSchema.safeParse({ commentId: "9", hours: "5" }).success).toBe(false);
    expect(banSchema.safeParse({ commentId: "0", hours: "24" }).success).toBe(false);
  });

  it("strips control and bidi characters from the reason", () => {
    expect(
      banSchema.parse({ commentId: "9", hours: "24", reason: "刷屏\u0000\u2067广告\u2069" }).reason,
    ).toBe("刷屏广告");
  });

  it("labels durations in hours or days", () => {
    expect(banHoursLabel(6)).toBe("6 小时");
    expect(banHoursLabel(24)).toBe("1 天");
    expect(banHoursLabel(720)).toBe("30 天");
  });
});
