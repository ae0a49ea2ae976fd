import type { PendingComment } from "@/lib/data/admin-dashboard";
import { formatDateTime, toBeijingIso } from "@/lib/time";

/** Shown of a comment's text; the whole comment is on /admin/comments. */
const EXCERPT = 60;

/** The newest comments waiting for moderation (plain text, shortened). */
export function PendingComments({ comments }: { comments: readonly PendingComment[] }) {
  if (comments.length === 0) return <p className="adm-muted">没有待审核的评论。</p>;
  return (
    <ul className="adm-dash-list">
      {comments.map((c) => (
        <li key={c.id}>
          <time dateTime={toBeijingIso(c.createdAt)} className="adm-dash-time">
            {formatDateTime(c.createdAt).slice(5)}
          </time>
          <span className="adm-dash-main">
            <span className="adm-dash-quote">
              {c.nickname}：
              {[...c.body].length > EXCERPT ? `${[...c.body].slice(0, EXCERPT).join("")}…` : c.body}
            </span>
            <span className="adm-dash-meta">评《{c.article.title}》</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
