import type { CommentView } from "@/lib/data/types";
import { TimeText } from "@/components/TimeText";

/** Approved comments, rendered as text only (React escapes; no HTML from readers reaches the page). */
export function CommentList({ items, total }: { items: CommentView[]; total: number }) {
  if (items.length === 0) return <p className="empty">还没有评论，欢迎发表您的看法。</p>;
  return (
    <>
      <p className="comment-count">共 {total} 条评论</p>
      <ol className="comments">
        {items.map((c) => (
          <li key={c.id}>
            <p className="comment-meta">
              <span className="nickname">{c.nickname}</span> <TimeText date={c.createdAt} />
            </p>
            <p className="comment-body">{c.body}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
