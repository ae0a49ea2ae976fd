import type { Metadata } from "next";
import { signOutEverywhereAction } from "@/lib/actions/auth/sign-out-everywhere";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/schemas";
import { listOwnSessions } from "@/lib/auth/users";
import { formatDateTime } from "@/lib/time";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "我的账号" };

/** A short, readable name for a browser's user agent string. */
function deviceLabel(userAgent: string): string {
  if (!userAgent) return "未知设备";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Chrome\//.test(userAgent)
      ? "Chrome"
      : /Firefox\//.test(userAgent)
        ? "Firefox"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "浏览器";
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? `${browser} · ${system}` : browser;
}

export default async function AccountPage() {
  const user = await requireUser("/admin/account");
  const sessions = await listOwnSessions(user);
  return (
    <>
      <h1>我的账号</h1>
      <section className="adm-panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">账号信息</h2>
        <dl className="adm-kv">
          <dt>用户名</dt>
          <dd>{user.username}</dd>
          <dt>显示名</dt>
          <dd>{user.displayName || "（未设置）"}</dd>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </dl>
      </section>

      <section className="adm-panel" aria-labelledby="password-heading">
        <h2 id="password-heading">修改密码</h2>
        <p className="adm-muted">修改后，其他设备上的登录会全部退出。</p>
        <ChangePasswordForm />
      </section>

      <section className="adm-panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">登录设备</h2>
        <div className="adm-table-wrap">
          <table className="admin-table">
            <caption className="adm-visually-hidden">当前有效的登录</caption>
            <thead>
              <tr>
                <th scope="col">设备</th>
                <th scope="col">登录时间</th>
                <th scope="col">最近活动</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={`${s.createdAt.getTime()}-${s.userAgent}`}>
                  <td>
                    {deviceLabel(s.userAgent)}
                    {s.current ? <span className="adm-role-badge">本机</span> : null}
                  </td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form action={signOutEverywhereAction} className="adm-inline-form">
          <button type="submit" className="adm-btn adm-btn-danger">
            退出所有设备（包括本机）
          </button>
        </form>
      </section>
    </>
  );
}
