import Link from "next/link";

/**
 * What an admin-only page returns to a signed-in editor. proxy.ts has already given the answer
 * status 403 (lib/data/admin-routes.ts, adminPathRefused): the page only draws the refusal, in the
 * server HTML. (Next's forbidden() would answer 403 with an empty error shell drawn only in the
 * browser, as notFound() does: vercel/next.js#62228.)
 */
export function AdminForbiddenPage() {
  return (
    <div className="adm-panel adm-notice">
      <h1>无权访问</h1>
      <p>此页面只对管理员开放。如需权限，请联系网站管理员。</p>
      <p>
        <Link href="/admin">返回概览</Link>
      </p>
    </div>
  );
}
