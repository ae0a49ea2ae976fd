// /corrections: every 更正 and 更新说明 on stories readers can see, newest first, 20 a page. Page
// numbers come from the path (next.config.mjs rewrites ?page=N); an address that leads nowhere
// renders null and the route answers the real 404.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CORRECTION_LABELS } from "@/lib/corrections/rules";
import { CORRECTIONS_HREF, listCorrections } from "@/lib/data/corrections";
import { getSidebarData } from "@/lib/data/page-data";
import { env } from "@/lib/env";
import { PAGE_SIZE, pageCount, parsePageParam } from "@/lib/pagination";
import { minuteNow } from "@/lib/time";
import { Breadcrumb } from "@/components/Breadcrumb";
import { Pagination } from "@/components/Pagination";
import { PortalSidebar } from "@/components/PortalSidebar";
import { TimeText } from "@/components/TimeText";

export function correctionsMetadata(n: string | undefined): Metadata {
  const page = parsePageParam(n);
  return {
    title: page && page > 1 ? `更正与更新（第 ${page} 页）` : "更正与更新",
    description: `${env.SITE_NAME}对已发布报道的更正与更新说明`,
    alternates: { canonical: page && page > 1 ? `${CORRECTIONS_HREF}?page=${page}` : CORRECTIONS_HREF },
  };
}

export async function renderCorrections(n: string | undefined): Promise<ReactNode> {
  const page = parsePageParam(n);
  if (page === null) return null;
  const nowMs = minuteNow().getTime();
  const [list, sidebar] = await Promise.all([listCorrections(page, nowMs), getSidebarData(null, nowMs)]);
  const totalPages = pageCount(list.total, PAGE_SIZE);
  if (page > Math.max(1, totalPages)) return null;
  return (
    <div className="layout">
      <div className="content">
        <Breadcrumb items={[{ label: env.SITE_NAME, href: "/" }, { label: "更正与更新" }]} />
        <header className="channel-head">
          <h1>
            更正与更新
            {page > 1 ? <span className="page-no">第 {page} 页</span> : null}
          </h1>
          <p className="channel-slogan">
            报道有误，我们公开更正；事情有了新进展，我们注明更新。共 {list.total} 条。
          </p>
        </header>
        {list.items.length === 0 ? (
          <p className="empty">暂无更正或更新说明</p>
        ) : (
          <ol className="correction-list">
            {list.items.map((c) => (
              <li key={c.id}>
                <p className="teaser-meta">
                  <strong className={`correction-kind correction-kind-${c.kind}`}>
                    {CORRECTION_LABELS[c.kind]}
                  </strong>
                  <TimeText date={c.createdAt} />
                  <span>{c.story.channelName}</span>
                </p>
                <h2 className="teaser-title">
                  <Link href={c.story.href}>{c.story.title}</Link>
                </h2>
                <p className="correction-text">{c.text}</p>
              </li>
            ))}
          </ol>
        )}
        <Pagination basePath={CORRECTIONS_HREF} page={page} totalPages={totalPages} />
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
