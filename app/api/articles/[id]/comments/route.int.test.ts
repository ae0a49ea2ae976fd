// The comment API and the view beacon as `next start` hands them requests: the socket's address
// is in the peer header the process sets (lib/client-address.ts), TRUSTED_PROXIES is empty.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/articles/[id]/comments/route";
import { POST as beacon } from "@/app/api/views/[id]/route";
import { clearCache } from "@/lib/cache/memo";
import { PEER_ADDRESS_HEADER, PEER_PROTO_HEADER } from "@/lib/client-address";
import { MIN_FILL_MS, issueFormToken } from "@/lib/comments/policy";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
let peerCounter = 0;
/** A client address of its own for each test (the rate limit counts its comments in the shared database). */
const newPeer = () => `198.51.100.${++peerCounter}`;

async function story() {
  const channel = await makeChannel();
  const article = await makeArticle({ channelId: channel.id });
  return {
    id: article.id,
    token: issueFormToken(article.id, Date.now() - MIN_FILL_MS - 1000, env.APP_SECRET),
  };
}

function post(id: number, body: BodyInit, headers: Record<string, string>, peer: string): Promise<Response> {
  const req = new Request(`http://127.0.0.1:3210/api/articles/${id}/comments`, {
    method: "POST",
    body,
    headers: {
      host: "127.0.0.1:3210",
      "content-type": "application/json",
      [PEER_ADDRESS_HEADER]: peer,
      [PEER_PROTO_HEADER]: "http",
      ...headers,
    },
    // Needed by undici for a stream body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return POST(req, { params: Promise.resolve({ id: String(id) }) });
}

describe("POST /api/articles/:id/comments", () => {
  beforeEach(() => clearCache());

  it("refuses Origin null, malformed and other-scheme origins with 403 and a message", async () => {
    const { id, token } = await story();
    const json = JSON.stringify({ body: uniq("来源测试"), token });
    for (const origin of [
      "null",
      "::::",
      "http://",
      "%ff",
      "https://127.0.0.1:3210",
      "http://evil.example",
    ]) {
      const res = await post(id, json, { origin }, newPeer());
      expect(res.status, origin).toBe(403);
      const answer = (await res.json()) as { code: string; message: string };
      expect(answer.code).toBe("forbidden");
      expect(answer.message).toMatch(/请求来源无效/);
    }
    expect(await (await getDb()).comment.count({ where: { articleId: id } })).toBe(0);
    // This site's own origin, and no Origin at all (non-browser clients), are accepted.
    expect((await post(id, json, { origin: "http://127.0.0.1:3210" }, newPeer())).status).toBe(202);
    const again = JSON.stringify({ body: uniq("无来源"), token });
    expect((await post(id, again, {}, newPeer())).status).toBe(202);
  });

  it("caps the body: 413 with a message by Content-Length or by the bytes that arrive", async () => {
    const { id, token } = await story();
    const big = JSON.stringify({ body: "长".repeat(200_000), token });
    const declared = await post(id, big, {}, newPeer());
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { message: string }).message).toMatch(/过大/);
    // Streamed without Content-Length.
    const chunk = new TextEncoder().encode("x".repeat(8192));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 100) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await post(id, stream, {}, newPeer());
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(100);
    expect((await post(id, "{ not json", {}, newPeer())).status).toBe(400);
  });

  it("rotating X-Forwarded-For / X-Real-IP does not escape the per-address limit", async () => {
    const { id, token } = await story();
    const peer = newPeer();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await post(
        id,
        JSON.stringify({ body: uniq(`第${i}条评论`), token }),
        { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}` },
        peer,
      );
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(env.COMMENT_RATE_LIMIT);
    expect(statuses.slice(env.COMMENT_RATE_LIMIT)).toEqual(Array(8 - env.COMMENT_RATE_LIMIT).fill(429));
    // Another client is not affected.
    expect((await post(id, JSON.stringify({ body: uniq("另一位读者"), token }), {}, newPeer())).status).toBe(
      202,
    );
  });
});

describe("POST /api/views/:id", () => {
  it("counts one view per client however X-Forwarded-For rotates", async () => {
    const { id } = await story();
    const peer = newPeer();
    const outcomes: (string | null)[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await beacon(
        new Request(`http://127.0.0.1:3210/api/views/${id}`, {
          method: "POST",
          headers: {
            "user-agent": CHROME,
            "x-forwarded-for": `203.0.113.${i + 1}`,
            "x-real-ip": `192.0.2.${i + 1}`,
            [PEER_ADDRESS_HEADER]: peer,
          },
        }),
        { params: Promise.resolve({ id: String(id) }) },
      );
      outcomes.push(res.headers.get("x-view"));
    }
    expect(outcomes).toEqual(["counted", ...Array(9).fill("duplicate")]);
  });
});
