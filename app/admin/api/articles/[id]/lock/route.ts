// The edit page's lock (lib/locks/edit-lock.ts). POST with `{ "action": ... }`:
// "keep" (the heartbeat while there are changes: keep or take the lock unless someone else holds a
// live one), "peek" (say who holds it, change nothing), "take" (接管编辑, confirmed on the page,
// recorded in the audit log), "release" (the page closes). The answer is the lock as this user
// sees it. A route handler,
// not a server action: the heartbeat must not wait behind the form's save in the action queue.
import { guardAction } from "@/lib/auth/guard";
import { answerLockAction, parseLockAction } from "@/lib/locks/edit-lock";
import { lockJson } from "@/lib/locks/lock-json";
import { parseAdminArticleId } from "@/app/admin/(protected)/articles/article-id";

const NO_STORE = { "Cache-Control": "no-store" };

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const articleId = parseAdminArticleId((await ctx.params).id);
  if (articleId === null) return answer(404, { ok: false, message: "没有这篇稿件" });
  const guard = await guardAction();
  if (!guard.ok) return answer(guard.status, { ok: false, message: guard.message });
  let sent: unknown;
  try {
    sent = ((await request.json()) as { action?: unknown }).action;
  } catch {
    sent = undefined;
  }
  const action = parseLockAction(sent);
  if (action === null) return answer(400, { ok: false, message: "请求无效" });
  const result = await answerLockAction(guard.user, articleId, action, new Date());
  if (!result.ok) return answer(result.status, { ok: false, message: result.message });
  return answer(200, { ok: true, lock: lockJson(result.view) });
}
