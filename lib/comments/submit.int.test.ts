import { beforeEach, describe, expect, it } from "vitest";
import { DUPLICATE_WINDOW_MS, RATE_WINDOW_MS, addressHash, submitComment } from "@/lib/comments/submit";
import { clearCache } from "@/lib/cache/memo";
import { MIN_FILL_MS, issueFormToken } from "@/lib/comments/policy";
import { isPostgres } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

let ip = 0;
const nextAddress = () => `203.0.113.${++ip % 250}-${ip}`;

async function setup() {
  const ch = await makeChannel();
  const article = await makeArticle({ channelId: ch.id });
  const now = Date.now();
  const token = issueFormToken(article.id, now - MIN_FILL_MS - 1000, env.APP_SECRET);
  return { article, now, token };
}

describe("submitComment", () => {
  beforeEach(() => clearCache());

  it("stores a valid comment as pending, text only, with a hashed address", async () => {
    const { article, now, token } = await setup();
    const body = `写得好 <img src=x onerror=alert(1)> ${uniq()}`;
    const state = await submitComment(
      { articleId: String(article.id), body, token },
      { address: "198.51.100.9" },
      now,
    );
    expect(state.status).toBe("pending");
    const rows = await (await getDb()).comment.findMany({ where: { articleId: article.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ nickname: "网友", body, status: "pending" });
    expect(rows[0]?.ipHash).not.toContain("198.51");
  });

  it("refuses a token signed with the development secret once published in the repository", async () => {
    const { article, now } = await setup();
    expect(env.APP_SECRET).not.toBe("difang-development-secret-change-me");
    const forged = issueFormToken(
      article.id,
      now - MIN_FILL_MS - 1000,
      "difang-development-secret-change-me",
    );
    const state = await submitComment(
      { articleId: article.id, body: uniq("伪造令牌"), token: forged },
      { address: nextAddress() },
      now,
    );
    // A token that does not verify gets the same answer as an expired one (lib/comments/submit.ts).
    expect(state).toMatchObject({ status: "error", code: "expired" });
    expect(await (await getDb()).comment.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("keeps what was typed and names the field when validation fails", async () => {
    const { article, now, token } = await setup();
    const state = await submitComment(
      { articleId: article.id, nickname: "老柳州", body: "好", token },
      { address: nextAddress() },
      now,
    );
    expect(state).toMatchObject({
      status: "error",
      code: "invalid",
      values: { nickname: "老柳州", body: "好" },
    });
    expect(state.errors?.body?.[0]).toContain("2");
  });

  it("refuses a filled honeypot silently, a too-fast submit and a forged token", async () => {
    const { article, now, token } = await setup();
    const hp = await submitComment(
      { articleId: article.id, body: uniq("机器人"), token, website: "http://spam" },
      { address: nextAddress() },
      now,
    );
    expect(hp.status).toBe("pending");
    const fresh = issueFormToken(article.id, now - 500, env.APP_SECRET);
    expect(
      (
        await submitComment(
          { articleId: article.id, body: uniq("太快"), token: fresh },
          { address: nextAddress() },
          now,
        )
      ).code,
    ).toBe("too-fast");
    expect(
      (
        await submitComment(
          { articleId: article.id, body: uniq("伪造"), token: "1.abc" },
          { address: nextAddress() },
          now,
        )
      ).code,
    ).toBe("expired");
    const count = await (await getDb()).comment.count({ where: { articleId: article.id } });
    expect(count).toBe(0);
  });

  it("refuses a duplicate body, even when several arrive at once from different addresses", async () => {
    const { article, now, token } = await setup();
    const body = uniq("同样的话");
    // Spacing and punctuation do not make a body new (bodyFingerprint).
    const variants = [body, `${body}！`, ` ${body}。`, `${body}!!`, `「${body}」`];
    const results = await Promise.all(
      variants.map((b) =>
        submitComment({ articleId: article.id, body: b, token }, { address: nextAddress() }, now),
      ),
    );
    expect(results.filter((r) => r.status === "pending")).toHaveLength(1);
    expect(results.filter((r) => r.code === "duplicate")).toHaveLength(variants.length - 1);
    expect(await (await getDb()).comment.count({ where: { articleId: article.id } })).toBe(1);
    // The same words on another story are a different comment.
    const other = await setup();
    expect(
      (
        await submitComment(
          { articleId: other.article.id, body, token: other.token },
          { address: nextAddress() },
          now,
        )
      ).status,
    ).toBe("pending");
  });

  it("rate-limits one address and honours bans", async () => {
    const { article, now, token } = await setup();
    const address = nextAddress();
    const results = [];
    for (let i = 0; i < env.COMMENT_RATE_LIMIT + 2; i++) {
      results.push(
        await submitComment({ articleId: article.id, body: uniq(`第${i}条`), token }, { address }, now),
      );
    }
    expect(results.filter((r) => r.status === "pending")).toHaveLength(env.COMMENT_RATE_LIMIT);
    expect(results.at(-1)?.code).toBe("rate-limited");

    const banned = nextAddress();
    await (
      await getDb()
    ).ban.create({ data: { ipHash: addressHash(banned), until: new Date(now + 3_600_000) } });
    expect(
      (await submitComment({ articleId: article.id, body: uniq("被禁"), token }, { address: banned }, now))
        .code,
    ).toBe("banned");
  });

  it("lets exactly COMMENT_RATE_LIMIT of many simultaneous submissions from one address through", async () => {
    const { article, now, token } = await setup();
    const address = nextAddress();
    const results = await Promise.all(
      Array.from({ length: env.COMMENT_RATE_LIMIT + 8 }, (_, i) =>
        submitComment({ articleId: article.id, body: uniq(`同时第${i}条`), token }, { address }, now),
      ),
    );
    expect(results.filter((r) => r.status === "pending")).toHaveLength(env.COMMENT_RATE_LIMIT);
    expect(results.filter((r) => r.code === "rate-limited")).toHaveLength(8);
    const db = await getDb();
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(env.COMMENT_RATE_LIMIT);
    // Refused submissions leave no claim behind.
    expect(await db.commentAttempt.count({ where: { ipHash: addressHash(address) } })).toBe(
      env.COMMENT_RATE_LIMIT,
    );
  });

  it("counts only accepted comments, including ones moderators deleted since, over a sliding window", async () => {
    const { article, now } = await setup();
    const db = await getDb();
    const address = nextAddress();
    // A form opened just before `at` (a day on, the first page's token has expired).
    const send = (body: string, at = now) =>
      submitComment(
        {
          articleId: article.id,
          body,
          token: issueFormToken(article.id, at - MIN_FILL_MS - 1000, env.APP_SECRET),
        },
        { address },
        at,
      );
    const first = uniq("第一条");
    expect((await send(first)).status).toBe("pending");
    // Refused for other reasons: a duplicate, a blocked word, a too-fast form. None uses a slot.
    for (let i = 0; i < env.COMMENT_RATE_LIMIT; i++)
      expect((await send(`${first}！`)).code).toBe("duplicate");
    const fast = issueFormToken(article.id, now - 100, env.APP_SECRET);
    expect(
      (await submitComment({ articleId: article.id, body: uniq(), token: fast }, { address }, now)).code,
    ).toBe("too-fast");
    for (let i = 1; i < env.COMMENT_RATE_LIMIT; i++)
      expect((await send(uniq(`再${i}`))).status).toBe("pending");
    expect((await send(uniq("超出"))).code).toBe("rate-limited");
    // Deleting the comments (moderation) frees neither a slot nor the words.
    await db.comment.deleteMany({ where: { articleId: article.id } });
    expect((await send(uniq("删后"))).code).toBe("rate-limited");
    const later = now + RATE_WINDOW_MS + 1;
    expect((await send(first, later)).code).toBe("duplicate");
    // The window slides: ten minutes on, the address may post again.
    expect((await send(uniq("十分钟后"), later)).status).toBe("pending");
    // A day on, the same words may be posted again.
    expect((await send(first, now + DUPLICATE_WINDOW_MS + 1)).status).toBe("pending");
  });

  it("prunes claims older than a day, a bounded batch per accepted comment", async () => {
    const { article, now, token } = await setup();
    const db = await getDb();
    const ipHash = `old-${uniq()}`;
    const old = new Date(now - DUPLICATE_WINDOW_MS - 60_000);
    await db.commentAttempt.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({ ipHash, bodyHash: `${ipHash}:${i}`, createdAt: old })),
    });
    const send = () =>
      submitComment({ articleId: article.id, body: uniq("修剪"), token }, { address: nextAddress() }, now);
    expect((await send()).status).toBe("pending");
    // 100 a comment (test files run one after another: no other old claims exist).
    expect(await db.commentAttempt.count({ where: { ipHash } })).toBe(50);
    expect((await send()).status).toBe("pending");
    expect(await db.commentAttempt.count({ where: { ipHash } })).toBe(0);
  });

  it("masks configured sensitive words and refuses comments on hidden stories", async () => {
    const { article, now, token } = await setup();
    const body = `${uniq()} 远离赌博`;
    expect(
      (await submitComment({ articleId: article.id, body, token }, { address: nextAddress() }, now)).status,
    ).toBe("pending");
    const row = await (await getDb()).comment.findFirst({ where: { articleId: article.id } });
    expect(row?.body.endsWith("远离＊＊")).toBe(true);

    const ch = await makeChannel();
    const draft = await makeArticle({ channelId: ch.id, status: "draft" });
    const t = issueFormToken(draft.id, now - MIN_FILL_MS - 1, env.APP_SECRET);
    expect(
      (await submitComment({ articleId: draft.id, body: uniq(), token: t }, { address: nextAddress() }, now))
        .code,
    ).toBe("not-found");
  });
});

// SQLite only: the full disk is made with PRAGMA max_page_count, which PostgreSQL has no
// equivalent of (a tablespace cannot be capped from SQL); the refusal path itself is the same code.
describe.skipIf(isPostgres(env.DATABASE_URL))("submitComment on a full disk", () => {
  it("refuses with a clear message, keeps what was typed, and loses no comment acknowledged before", async () => {
    const db = await getDb();
    const { article, now, token } = await setup();
    const pages = await db.$queryRawUnsafe<{ page_count: bigint | number }[]>("PRAGMA page_count");
    // SQLite answers SQLITE_FULL ("database or disk is full") once the file would need a new page.
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages[0]?.page_count)}`);
    const acknowledged: string[] = [];
    let refused: Awaited<ReturnType<typeof submitComment>> | undefined;
    const reader = nextAddress();
    const refusedForReader: (string | undefined)[] = [];
    try {
      for (let i = 0; i < 400 && !refused; i++) {
        const body = `第${i}条：${"满".repeat(150)}${uniq()}`;
        const state = await submitComment(
          { articleId: article.id, nickname: "读者", body, token },
          { address: nextAddress() },
          now,
        );
        if (state.status === "pending") acknowledged.push(body);
        else refused = state;
      }
      // Still full: one reader's tries are refused, more of them than the rate limit.
      for (let i = 0; i <= env.COMMENT_RATE_LIMIT; i++) {
        const body = `重试${i}：${"满".repeat(150)}${uniq()}`;
        const state = await submitComment({ articleId: article.id, body, token }, { address: reader }, now);
        refusedForReader.push(state.code);
      }
    } finally {
      await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    }
    expect(refused).toMatchObject({ status: "error", code: "unavailable", values: { nickname: "读者" } });
    expect(refused?.message).toContain("存储空间");
    const stored = await db.comment.findMany({ where: { articleId: article.id }, select: { body: true } });
    expect(stored.map((c) => c.body).sort()).toEqual([...acknowledged].sort());
    // Comments the full disk refused do not count against the reader's limit.
    expect(refusedForReader).toEqual(Array(env.COMMENT_RATE_LIMIT + 1).fill("unavailable"));
    const after = [];
    for (let i = 0; i <= env.COMMENT_RATE_LIMIT; i++)
      after.push(
        (
          await submitComment(
            { articleId: article.id, body: uniq(`恢复${i}`), token },
            { address: reader },
            now,
          )
        ).status,
      );
    expect(after).toEqual([...Array(env.COMMENT_RATE_LIMIT).fill("pending"), "error"]);
  });
});
