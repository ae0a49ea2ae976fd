// The article form's autosave (lib/drafts/autosave.ts): the edit and new pages post the form's
// fields here every few seconds while they change (POST, JSON), and 丢弃 deletes the slot
// (DELETE). `[id]` is the story's id, or "new" for the user's story not saved yet. A route
// handler rather than a server action: it runs beside the form's own save without waiting in the
// router's action queue, and a long body exceeds an action's 1 MB limit. Same origin, session and
// role are checked by the guard.
import { guardAction } from "@/lib/auth/guard";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/http/request-body";
import { AUTOSAVE_MAX_BYTES, autosaveFields, autosaveOnDb, discardAutosaveOnDb } from "@/lib/drafts/autosave";
import { parseAdminArticleId } from "@/app/admin/(protected)/articles/article-id";

const NO_STORE = { "Cache-Control": "no-store" };
const TOO_LARGE = "内容过长，未能自动保存。请缩短后再保存（已输入的内容仍在表单中）。";

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** The story of the slot: its id, null for "new", or undefined when `[id]` is neither. */
async function slotOf(ctx: { params: Promise<{ id: string }> }): Promise<number | null | undefined> {
  const raw = (await ctx.params).id;
  if (raw === "new") return null;
  return parseAdminArticleId(raw) ?? undefined;
}

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const articleId = await slotOf(ctx);
  if (articleId === undefined) return answer(404, { ok: false, message: "没有这篇稿件" });
  const guard = await guardAction();
  if (!guard.ok) return answer(guard.status, { ok: false, message: guard.message });
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > AUTOSAVE_MAX_BYTES)
    return answer(413, { ok: false, message: TOO_LARGE });
  let sent: unknown;
  try {
    sent = JSON.parse((await readBodyCapped(request.body, AUTOSAVE_MAX_BYTES)).toString("utf8"));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return answer(413, { ok: false, message: TOO_LARGE });
    return answer(400, { ok: false, message: "自动保存的数据无法读取" });
  }
  if (typeof sent !== "object" || sent === null || Array.isArray(sent))
    return answer(400, { ok: false, message: "自动保存的数据无法读取" });
  const result = await autosaveOnDb(
    guard.user,
    articleId,
    autosaveFields(sent as Record<string, unknown>),
    new Date(),
  );
  if (!result.ok) return answer(result.status, { ok: false, message: result.message });
  return answer(200, { ok: true, savedAt: result.savedAt.toISOString(), cleared: result.cleared });
}

export async function DELETE(_request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const articleId = await slotOf(ctx);
  if (articleId === undefined) return answer(404, { ok: false, message: "没有这篇稿件" });
  const guard = await guardAction();
  if (!guard.ok) return answer(guard.status, { ok: false, message: guard.message });
  await discardAutosaveOnDb(guard.user.id, articleId);
  return answer(200, { ok: true });
}
