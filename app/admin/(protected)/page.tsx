import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { userLabel } from "@/lib/auth/types";
import { getDeskDashboard } from "@/lib/data/admin-dashboard";
import { formatLongDate, requestTimeMs } from "@/lib/time";
import { DashboardPanel } from "../_components/dashboard/panel";
import { PendingComments } from "../_components/dashboard/pending-comments";
import { RankingList } from "../_components/dashboard/ranking-list";
import { StoryList } from "../_components/dashboard/story-list";
import { ViewsChart } from "../_components/dashboard/views-chart";
import { InboxList } from "../_components/inbox-list";
import { listInbox } from "@/lib/data/admin-review";

export const metadata: Metadata = { title: "概览" };

/** The desk dashboard: what went out today, what goes out next, what waits, what is read. */
export default async function AdminDashboardPage() {
  const user = await requireUser("/admin");
  const nowMs = requestTimeMs();
  const [d, inbox] = await Promise.all([getDeskDashboard(nowMs), listInbox(user)]);
  return (
    <>
      <h1>概览</h1>
      <p className="adm-lead">
        欢迎，{userLabel(user)}。今天是{formatLongDate(new Date(nowMs))}。
      </p>
      <p className="adm-row-actions">
        <Link href="/admin/articles/new" className="adm-btn adm-btn-primary">
          写新稿件
        </Link>
        <Link href="/admin/articles" className="adm-btn">
          全部稿件
        </Link>
        <Link href="/admin/articles?status=draft" className="adm-btn">
          草稿
        </Link>
        <Link href="/admin/comments" className="adm-btn">
          评论审核（{d.pendingComments.count}）
        </Link>
      </p>
      {/* Panels in order of urgency: what the review flow waits on me for comes first. */}
      <div className="adm-dash">
        <DashboardPanel
          id="inbox"
          title="待我处理"
          count={inbox.length}
          more={<Link href="/admin/inbox">全部待办</Link>}
          wide
        >
          {inbox.length === 0 ? (
            <p className="adm-muted">没有等您审核、签发或修改的稿件。</p>
          ) : (
            <InboxList items={inbox.slice(0, 8)} showTask />
          )}
        </DashboardPanel>
        <DashboardPanel
          id="today"
          title="今日发布"
          count={d.today.count}
          more={<Link href="/admin/articles?status=published">全部已发布</Link>}
        >
          <StoryList stories={d.today.items} dayStart={d.dayStart} empty="今天还没有发布稿件。" showViews />
        </DashboardPanel>
        {/* Two short lists share the column beside 今日发布. */}
        <div className="adm-dash-stack">
          <DashboardPanel
            id="scheduled"
            title="未来 24 小时定时发布"
            count={d.scheduled.count}
            more={<Link href="/admin/articles?status=scheduled">全部定时稿件</Link>}
          >
            <StoryList
              stories={d.scheduled.items}
              dayStart={d.dayStart}
              empty="未来 24 小时没有定时发布的稿件。"
              showViews={false}
            />
          </DashboardPanel>
          <DashboardPanel
            id="comments"
            title="待审核评论"
            count={d.pendingComments.count}
            more={<Link href="/admin/comments">去审核</Link>}
          >
            <PendingComments comments={d.pendingComments.items} />
          </DashboardPanel>
        </div>
        <DashboardPanel id="views" title="阅读走势" wide>
          <div className="adm-dash-charts">
            <ViewsChart title="最近 24 小时每小时阅读量" points={d.hourly} kind="line" />
            <ViewsChart title="最近 7 天每日阅读量" points={d.daily} kind="bars" />
          </div>
        </DashboardPanel>
        <DashboardPanel id="rank-24h" title="最近 24 小时阅读排行">
          <RankingList stories={d.ranking.day} label="最近 24 小时阅读排行" />
        </DashboardPanel>
        <DashboardPanel id="rank-7d" title="最近 7 天阅读排行">
          <RankingList stories={d.ranking.week} label="最近 7 天阅读排行" />
        </DashboardPanel>
      </div>
      <p className="adm-muted">
        账号设置见<Link href="/admin/account">我的账号</Link>。
      </p>
    </>
  );
}
