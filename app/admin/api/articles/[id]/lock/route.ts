// The edit page's lock (lib/locks/edit-lock.ts). POST with `{ "action": ... }`:
// "keep" (the heartbeat while there are changes: keep or take the lock unless someone else holds a
// live one), "peek" (say who holds it, change nothing), "take" (接管编辑, confirmed on the page,
// recorded in the audit log), "release" (the page closes). The answer is the lock as this user
// sees it. A route handler,
// not a server action: the heartbeat must not wait behind the form's save in the action queue.
import { guardAction } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { keepLock, readLock, releaseLock, takeOverLock } from "@/lib/locks/edit-lock";
import { lockJson } from "@/lib/locks/lock-json";
import { parseAdminArticleId } from "@/app/admin/(protected)/articles/article-id";

const NO_STORE = { "Cache-Control": "no-store" };
const ACTIONS = new Set(["keep", "peek", "take", "release"]);

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const articleId = parseAdminArticleId((await ctx.params).id);
  if (articleId === null) return answer(404, { ok: false, message: "没有这篇稿件" });
  const guard = await guardAction();
  if (!guard.ok) return answer(guard.status, { ok: false, message: guard.message });
  let action: unknown;
  try {
    action = ((await request.json()) as { action?: unknown }).action;
  } catch {
    action = undefined;
  }
  if (typeof action !== "string" || !ACTIONS.has(action))
    return answer(400, { ok: false, message: "请求无效" });
  const db = await getDb();
  const now = new Date();
  if (action === "take") {
    const result = await takeOverLock(db, guard.user, articleId, now);
    if (!result.ok) return answer(result.status, { ok: false, message: result.message });
    return answer(200, { ok: true, lock: lockJson(result.view) });
  }
  if (action === "release") {
    await releaseLock(db, guard.user.id, articleId);
    return answer(200, { ok: true, lock: lockJson(await readLock(db, articleId, guard.user.id, now)) });
  }
  const exists = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!exists) return answer(404, { ok: false, message: "稿件不存在或已被删除" });
  const view =
    action === "keep"
      ? await keepLock(db, guard.user, articleId, now)
      : await readLock(db, articleId, guard.user.id, now);
  return answer(200, { ok: true, lock: lockJson(view) });
}
