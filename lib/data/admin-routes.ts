// Which editor-area addresses lead nowhere (404) or are refused to the signed-in user (403),
// decided before the page renders (proxy.ts), so that the answer carries that status. A page that
// finds nothing returns AdminNotFoundPage, whose notFound() inside its own Suspense boundary puts
// the 404 text into the server HTML; but a page rendered per request has started its 200 answer
// by then (Next 16 docs, notFound(): "The response starts streaming from the <Suspense> boundary
// before notFound() runs, so it keeps its 200 status"), and a notFound() thrown by the page itself
// gives 404 with an empty body (vercel/next.js#62228). So the proxy asks this first and answers
// 404; the page draws the text. Each check mirrors its page's own (same parsers, same lookups by
// primary key); a signed-out visitor is redirected to the login page by the page whatever this
// says (the redirect sets its own status), so it tells nobody which stories exist.
import "server-only";
import { getDb } from "@/lib/db";
import { validateSessionToken } from "@/lib/auth/session-store";
import { isAdmin } from "@/lib/auth/types";
import { parseAdminCursor } from "@/lib/admin-list";
import { parseId } from "@/lib/http/params";
import { parsePageParam } from "@/lib/pagination";

/** Sub-pages of a story (app/admin/(protected)/articles/[id]/…). */
const STORY_PAGES = new Set([
  "",
  "revisions",
  "revisions/compare",
  "gallery",
  "corrections",
  "live",
  "preview",
  "delete",
]);
/** Lists with a `page` parameter. */
const PAGED_LISTS = new Set(["/admin/comments", "/admin/audit", "/admin/sensitive-words"]);

const param = (search: URLSearchParams, name: string): string | string[] | undefined => {
  const all = search.getAll(name);
  return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
};

export async function adminPathLeadsNowhere(pathname: string, search: URLSearchParams): Promise<boolean> {
  const path = pathname.replace(/\/+$/, "");
  if (path === "/admin/articles") {
    const after = param(search, "after");
    const before = param(search, "before");
    const badAfter = after !== undefined && parseAdminCursor(after) === null;
    const badBefore = before !== undefined && parseAdminCursor(before) === null;
    return badAfter || badBefore || (after !== undefined && before !== undefined);
  }
  if (PAGED_LISTS.has(path)) return parsePageParam(param(search, "page")) === null;
  const story = /^\/admin\/articles\/([^/]+)(?:\/(.+))?$/.exec(path);
  if (story && story[1] !== "new") {
    const sub = story[2] ?? "";
    if (!STORY_PAGES.has(sub)) return false; // no such route: Next's own 404
    const id = parseId(story[1]);
    if (id === null) return true;
    if (sub === "revisions" && parsePageParam(param(search, "page")) === null) return true;
    if (sub === "revisions/compare") {
      const from = param(search, "from");
      const to = param(search, "to");
      const named = (v: string | string[] | undefined) => typeof v === "string" && parseId(v) !== null;
      if ((from !== undefined || to !== undefined) && !(named(from) && named(to))) return true;
      // As compareRevisions decides: two different saves of this story, or (none named) a story
      // with at least two saves.
      const db = await getDb();
      if (from === undefined)
        return (await db.articleRevision.count({ where: { articleId: id }, take: 2 })) < 2;
      const ids = [Number(from), Number(to)];
      if (ids[0] === ids[1]) return true;
      return (await db.articleRevision.count({ where: { articleId: id, id: { in: ids } } })) !== 2;
    }
    const db = await getDb();
    return (await db.article.findUnique({ where: { id }, select: { id: true } })) === null;
  }
  const author = /^\/admin\/authors\/([^/]+)$/.exec(path);
  if (author && author[1] !== "new") {
    const id = parseId(author[1]);
    if (id === null) return true;
    const db = await getDb();
    return (await db.author.findUnique({ where: { id }, select: { id: true } })) === null;
  }
  const topic = /^\/admin\/topics\/([^/]+)$/.exec(path);
  if (topic && topic[1] !== "new") {
    if (!/^\d{1,9}$/.test(topic[1] ?? "")) return true;
    const db = await getDb();
    return (await db.topic.findUnique({ where: { id: Number(topic[1]) }, select: { id: true } })) === null;
  }
  return false;
}

/** Editor-area pages only admins may open (each also checks it itself: signedInAdmin). */
const ADMIN_ONLY = /^\/admin\/(?:users|channels|regions|audit|sensitive-words|articles\/[^/]+\/delete)$/;

/**
 * True when the session of `sessionToken` belongs to someone signed in who is not an admin and
 * the page is admin-only: the answer is 403, and the page draws the refusal (AdminForbiddenPage,
 * for the same reason as the 404s above). Decided before whether the address leads anywhere, so an
 * editor learns nothing about which stories exist from the delete page. Without a valid session
 * it is false: the page sends the visitor to the login page.
 */
export async function adminPathRefused(pathname: string, sessionToken: string | undefined): Promise<boolean> {
  if (!sessionToken || !ADMIN_ONLY.test(pathname.replace(/\/+$/, ""))) return false;
  const session = await validateSessionToken(sessionToken, new Date());
  return session !== null && !isAdmin(session.user);
}
