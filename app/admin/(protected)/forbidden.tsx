import Link from "next/link";

/** Rendered with status 403 by forbid() when next.config enables experimental.authInterrupts. */
export default function AdminForbidden() {
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
