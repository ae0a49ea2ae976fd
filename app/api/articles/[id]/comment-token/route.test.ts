import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/articles/[id]/comment-token/route";
import { checkFormToken } from "@/lib/comments/policy";
import { env } from "@/lib/env";

const call = (id: string) =>
  GET(new Request(`http://x/api/articles/${id}/comment-token`), { params: Promise.resolve({ id }) });

describe("GET /api/articles/:id/comment-token", () => {
  it("hands out a token for that story, timed from now, never cached", async () => {
    const before = Date.now();
    const res = await call("42");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const { token } = (await res.json()) as { token: string };
    // Too fast right away, accepted after the minimum fill time, and only for story 42.
    expect(checkFormToken(token, 42, before, env.APP_SECRET)).toBe("too-fast");
    expect(checkFormToken(token, 42, before + 5_000, env.APP_SECRET)).toBe("ok");
    expect(checkFormToken(token, 43, before + 5_000, env.APP_SECRET)).toBe("invalid");
  });

  it("answers 404 for an address that is not a story id", async () => {
    for (const id of ["abc", "0", "%ff", "1".repeat(20)]) expect((await call(id)).status).toBe(404);
  });
});
