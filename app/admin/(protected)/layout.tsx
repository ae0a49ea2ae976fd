import type { ReactNode } from "react";
import Link from "next/link";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/schemas";
import { isAdmin, userLabel } from "@/lib/auth/types";
import { isReviewer } from "@/lib/articles/permissions";
import { listInbox } from "@/lib/data/admin-review";
import { INBOX_LIMIT } from "@/lib/workflow/service";
import { AdminNav, type NavItem } from "../_components/admin-nav";
import { LoginRedirect } from "../_components/login-redirect";
import { LogoutButton } from "../_components/logout-button";

/**
 * Every page below also checks the session itself (requireUser/signedInAdmin): this check is a
 * second line and the source of the header, not the security boundary, because a layout is not
 * re-rendered on client navigation and does not stop its pages from rendering.
 */
export default async function ProtectedAdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return <LoginRedirect />;
  const waiting = (await listInbox(user)).length;
  const items: NavItem[] = [
    { href: "/admin", label: "概览" },
    {
      href: "/admin/inbox",
      label: "待我处理",
      count: waiting >= INBOX_LIMIT ? `${INBOX_LIMIT - 1}+` : String(waiting),
    },
    { href: "/admin/articles", label: "稿件" },
    ...(isReviewer(user)
      ? [
          { href: "/admin/comments", label: "评论审核" },
          { href: "/admin/banner", label: "突发横幅" },
          { href: "/admin/authors", label: "记者" },
          { href: "/admin/topics", label: "专题" },
        ]
      : []),
    ...(isAdmin(user)
      ? [
          { href: "/admin/channels", label: "频道" },
          { href: "/admin/sensitive-words", label: "敏感词" },
          { href: "/admin/regions", label: "地区" },
          { href: "/admin/audit", label: "操作日志" },
          { href: "/admin/users", label: "用户管理" },
        ]
      : []),
    { href: "/admin/account", label: "我的账号" },
  ];
  return (
    <>
      <a href="#admin-main" className="adm-skip-link">
        跳到正文
      </a>
      <header className="admin-header">
        <div className="admin-header-inner">
          <Link href="/admin" className="admin-brand">
            {env.SITE_NAME} · 编辑后台
          </Link>
          <AdminNav items={items} />
          <div className="admin-user">
            <span>
              {userLabel(user)}
              <span className="adm-role-badge">{ROLE_LABELS[user.role]}</span>
            </span>
            <Link href="/" className="adm-btn adm-btn-link">
              查看网站
            </Link>
            <LogoutButton />
          </div>
        </div>
      </header>
      <main id="admin-main" className="admin-main">
        {children}
      </main>
    </>
  );
}
