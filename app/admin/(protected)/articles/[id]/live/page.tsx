import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getLiveForAdmin } from "@/lib/data/admin-live";
import { listRecentImages } from "@/lib/data/admin-images";
import { formatDateTime } from "@/lib/time";
import { parseAdminArticleId } from "../../article-id";
import { CoverageForm, EntryFlagForm, LiveEntryForm } from "./live-forms";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "直播" };

const EMPTY = { body: "", quote: "", quoteBy: "", imageId: "" };

/** Editors run a story's live coverage here: start, add entries, pin, correct, remove, end. */
export default async function LivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  await requireUser(`/admin/articles/${rawId}/live`);
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const [data, recent] = await Promise.all([getLiveForAdmin(id), listRecentImages()]);
  if (!data) return <AdminNotFoundPage />;
  const { article, coverage, entries } = data;
  // An entry's own image stays choosable when it is no longer among the recent ones.
  const imagesFor = (img: (typeof recent)[number] | null) =>
    img && !recent.some((r) => r.id === img.id) ? [img, ...recent] : recent;
  const running = coverage !== null && coverage.endedAt === null;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> ›{" "}
        <Link href={`/admin/articles/${article.id}`}>#{article.id}</Link> › 直播
      </p>
      <h1>直播：{article.title}</h1>
      <section className="adm-panel" aria-labelledby="live-state-heading">
        <h2 id="live-state-heading">直播状态</h2>
        <p>
          {coverage === null
            ? "这篇稿件还没有直播。开始后，读者页面显示“直播中”，并自动显示新发布的条目。"
            : running
              ? `直播中，${formatDateTime(coverage.startedAt)} 开始。`
              : `直播已结束（${formatDateTime(coverage.startedAt)} – ${formatDateTime(coverage.endedAt ?? coverage.startedAt)}）。`}
          {article.status === "published" ? (
            <>
              {" "}
              <a href={article.href} target="_blank" rel="noopener">
                查看读者页面
              </a>
            </>
          ) : (
            " 稿件发布后读者才能看到直播。"
          )}
        </p>
        <CoverageForm
          articleId={article.id}
          action={coverage === null ? "start" : running ? "end" : "restart"}
        />
      </section>
      {running ? (
        <section className="adm-panel" aria-labelledby="live-new-heading">
          <h2 id="live-new-heading">发布新条目</h2>
          <LiveEntryForm articleId={article.id} initial={EMPTY} images={recent} />
        </section>
      ) : null}
      {coverage !== null ? (
        <section className="adm-panel" aria-labelledby="live-entries-heading">
          <h2 id="live-entries-heading">已发布的条目（{entries.filter((e) => !e.removedAt).length}）</h2>
          {entries.length === 0 ? <p>还没有条目。</p> : null}
          <ol className="adm-live-entries">
            {entries.map((e) => (
              <li key={e.id} className={e.removedAt ? "adm-muted" : undefined}>
                <p>
                  <strong>{formatDateTime(e.createdAt)}</strong>
                  {e.pinned ? "（置顶）" : null}
                  {e.correctedAt ? `（已更正 ${formatDateTime(e.correctedAt)}）` : null}
                  {e.removedAt ? `（已删除 ${formatDateTime(e.removedAt)}）` : null}
                </p>
                <p className="adm-live-body">{e.body}</p>
                {e.quote ? (
                  <p>
                    引语：“{e.quote}”{e.quoteBy ? `——${e.quoteBy}` : null}
                  </p>
                ) : null}
                {e.image ? (
                  <p>
                    图片：#{e.image.id} {e.image.alt}
                  </p>
                ) : null}
                {e.removedAt ? null : (
                  <>
                    <div className="adm-row-actions">
                      <EntryFlagForm
                        articleId={article.id}
                        entryId={e.id}
                        flag={e.pinned ? "unpin" : "pin"}
                      />
                      <EntryFlagForm articleId={article.id} entryId={e.id} flag="remove" />
                    </div>
                    <details>
                      <summary>更正这条</summary>
                      <LiveEntryForm
                        articleId={article.id}
                        entryId={e.id}
                        initial={{
                          body: e.body,
                          quote: e.quote,
                          quoteBy: e.quoteBy,
                          imageId: e.image ? String(e.image.id) : "",
                        }}
                        images={imagesFor(e.image)}
                      />
                    </details>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
