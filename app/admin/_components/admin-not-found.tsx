import Link from "next/link";
import { NotFoundPage } from "@/components/NotFoundPage";

/** The editor area's 404 text, inside the admin frame. */
export function AdminNotFoundContent() {
  return (
    <div className="adm-panel adm-notice">
      <h1>页面不存在或无权访问</h1>
      <p>您要打开的后台页面不存在，或者您的账号没有访问它的权限。</p>
      <p>
        <Link href="/admin">返回概览</Link>
      </p>
    </div>
  );
}

/**
 * What an editor page returns for an address that leads nowhere (no such story, a malformed id or
 * page number). A notFound() thrown by the page itself sends Next 16 down its error-recovery path
 * (getErrorRSCPayload), which answers 404 with an empty `<html id="__next_error__">` shell and
 * draws the not-found boundary only in the browser (vercel/next.js#62228, still open in 16.4):
 * without JavaScript the editor sees a blank page. NotFoundPage throws it inside its own Suspense
 * boundary instead, so the page renders normally around it: status 404, this text in the HTML.
 */
export function AdminNotFoundPage() {
  return (
    <NotFoundPage>
      <AdminNotFoundContent />
    </NotFoundPage>
  );
}
