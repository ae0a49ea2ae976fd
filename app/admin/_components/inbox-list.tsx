import Link from "next/link";
import { formatDateTime } from "@/lib/time";
import { stepLabel } from "@/lib/workflow/rules";
import type { InboxItem } from "@/lib/workflow/service";

const TASK_LABELS: Record<InboxItem["task"], string> = { review: "待审", sign: "待签发", revise: "退回修改" };

function where(item: InboxItem): string {
  if (item.task === "sign") return "各审级已通过";
  if (item.task === "revise") return "已退回";
  return `${stepLabel(item.reviewStep)}（共 ${item.reviewSteps} 审）`;
}

/** Stories waiting for me (待我处理), on the inbox page and the dashboard. */
export function InboxList({ items, showTask = false }: { items: InboxItem[]; showTask?: boolean }) {
  return (
    <ul className="adm-inbox-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/admin/articles/${item.id}`}>{item.title}</Link>
          <span className="adm-muted">
            {showTask ? `${TASK_LABELS[item.task]} · ` : null}
            {item.channelName} · {where(item)} · 修改于{" "}
            <time dateTime={item.updatedAt.toISOString()}>{formatDateTime(item.updatedAt)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
