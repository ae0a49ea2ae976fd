import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listInbox } from "@/lib/data/admin-review";
import { INBOX_LIMIT, type InboxItem } from "@/lib/workflow/service";
import { InboxList } from "../../_components/inbox-list";

export const metadata: Metadata = { title: "待我处理" };

const TASKS: Record<InboxItem["task"], { heading: string; empty: string }> = {
  review: { heading: "待我审核", empty: "没有等您审核的稿件。" },
  sign: { heading: "待签发", empty: "没有等待签发的稿件。" },
  revise: { heading: "退回给我修改", empty: "没有退回给您的稿件。" },
};

/** 待我处理: the stories the review flow is waiting on this person for, oldest first. */
export default async function InboxPage() {
  const user = await requireUser("/admin/inbox");
  const items = await listInbox(user);
  const groups = (["revise", "review", "sign"] as const).filter(
    (task) => task === "revise" || user.role !== "reporter",
  );
  return (
    <>
      <h1>待我处理</h1>
      <p className="adm-lead">
        共 {items.length >= INBOX_LIMIT ? `${INBOX_LIMIT} 篇以上` : `${items.length} 篇`}
        。审核、签发和退回都记在每篇稿件的审核记录和操作日志里。
      </p>
      {groups.map((task) => {
        const list = items.filter((i) => i.task === task);
        return (
          <section key={task} className="adm-panel" aria-labelledby={`inbox-${task}`}>
            <h2 id={`inbox-${task}`}>
              {TASKS[task].heading}（{list.length}）
            </h2>
            {list.length === 0 ? (
              <p className="adm-muted">{TASKS[task].empty}</p>
            ) : (
              <InboxList items={list} />
            )}
          </section>
        );
      })}
    </>
  );
}
