import Link from "next/link";

/** Also the answer to an editor opening an admin-only page while authInterrupts is off (see forbid()). */
export default function AdminNotFound() {
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
