import type { Metadata } from "next";
import { signedInAdmin } from "@/lib/auth/session";
import { AdminForbiddenPage } from "@/app/admin/_components/admin-forbidden";
import { ROLE_LABELS } from "@/lib/auth/schemas";
import { listUsers } from "@/lib/auth/users";
import { DESK_ROLES } from "@/lib/auth/roles";
import { listChannelOptions } from "@/lib/data/admin-articles";
import { formatDateTime } from "@/lib/time";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";
import { DesksForm } from "./desks-form";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const actor = await signedInAdmin("/admin/users");
  if (!actor) return <AdminForbiddenPage />;
  const [users, channels] = await Promise.all([listUsers(actor), listChannelOptions()]);
  if (!users) return <AdminForbiddenPage />;
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <>
      <h1>用户管理</h1>
      <section className="adm-panel" aria-labelledby="users-heading">
        <h2 id="users-heading">全部用户（{users.length}）</h2>
        <div className="adm-table-wrap">
          <table className="admin-table adm-stacked">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">显示名</th>
                <th scope="col">角色</th>
                <th scope="col">负责频道</th>
                <th scope="col">状态</th>
                <th scope="col">最近活动</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.disabled ? "adm-is-disabled" : undefined}>
                  <td data-label="用户名">{u.username}</td>
                  <td data-label="显示名">{u.displayName || "—"}</td>
                  <td data-label="角色">{ROLE_LABELS[u.role]}</td>
                  <td data-label="负责频道">
                    {DESK_ROLES.includes(u.role) && u.channels.length > 0
                      ? u.channels.map((id) => channelName.get(id) ?? `#${id}`).join("、")
                      : "全部频道"}
                  </td>
                  <td data-label="状态">{u.disabled ? "已停用" : "正常"}</td>
                  <td data-label="最近活动">{u.lastSeenAt ? formatDateTime(u.lastSeenAt) : "—"}</td>
                  <td data-label="操作">
                    {u.id === actor.id ? (
                      <span className="adm-muted">（本人）</span>
                    ) : (
                      <>
                        <UserRowActions
                          user={{ id: u.id, username: u.username, role: u.role, disabled: u.disabled }}
                        />
                        {DESK_ROLES.includes(u.role) ? (
                          <DesksForm
                            user={{ id: u.id, username: u.username, channels: u.channels }}
                            channels={channels}
                          />
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="adm-panel" aria-labelledby="create-heading">
        <h2 id="create-heading">新建用户</h2>
        <CreateUserForm channels={channels} />
      </section>
    </>
  );
}
