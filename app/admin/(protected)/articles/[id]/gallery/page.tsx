import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getEditorGallery } from "@/lib/data/galleries";
import { GALLERY_LIMITS } from "@/lib/galleries/rules";
import { decodeOutcome } from "@/lib/galleries/upload-outcome";
import { MAX_IMAGE_BYTES } from "@/lib/images/upload";
import { parseAdminArticleId } from "../../article-id";
import { GalleryItemRow } from "./gallery-item";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "图集" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function GalleryPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requireUser(`/admin/articles/${rawId}/gallery`);
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const [gallery, query] = await Promise.all([getEditorGallery(id), searchParams]);
  if (!gallery) return <AdminNotFoundPage />;
  const { article, items } = gallery;
  const outcome = decodeOutcome(query.upload);
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> ›{" "}
        <Link href={`/admin/articles/${article.id}`}>#{article.id}</Link> › 图集
      </p>
      <h1>图集：{article.title}</h1>
      <p className="adm-lead">
        有图片的稿件在读者页面以图集显示（一次一张，可翻页），题图的位置由图集代替；
        {article.hasLeadImage ? "列表和图文看点仍用题图。" : "列表和图文看点用图集的第一张作封面。"}
        一个图集最多 {GALLERY_LIMITS.images} 张。
      </p>
      {outcome ? (
        <div
          className={
            outcome.error || outcome.refused.length > 0 ? "adm-form-message" : "adm-form-message adm-ok"
          }
          role="status"
        >
          {outcome.error ? <p>{outcome.error}</p> : null}
          {outcome.added > 0 ? <p>已加入 {outcome.added} 张图片。</p> : null}
          {outcome.duplicates > 0 ? <p>{outcome.duplicates} 张已在图集中，未重复加入。</p> : null}
          {outcome.refused.length > 0 ? (
            <ul>
              {outcome.refused.map((r, i) => (
                <li key={i}>
                  {r.name}：{r.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <section className="adm-panel" aria-labelledby="gallery-upload-heading">
        <form
          method="post"
          action={`/admin/api/articles/${article.id}/gallery`}
          encType="multipart/form-data"
          className="admin-form"
        >
          <h2 id="gallery-upload-heading">上传图片</h2>
          <div className="adm-field adm-field-wide">
            <label htmlFor="gallery-files">图片（可一次选择多张）</label>
            <input
              id="gallery-files"
              name="files"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="gallery-files-hint"
            />
            <p id="gallery-files-hint" className="adm-field-hint">
              JPEG、PNG 或 WebP，每张最多 {MAX_IMAGE_BYTES / 1024 / 1024} MB、4000 万像素，一次最多{" "}
              {GALLERY_LIMITS.filesPerUpload} 张；按选择的顺序加到图集末尾，上传后可填写说明、调整顺序。
            </p>
          </div>
          <div className="adm-field adm-field-wide">
            <label htmlFor="gallery-credit">图片来源（这一批共用，可留空）</label>
            <input id="gallery-credit" name="credit" type="text" maxLength={GALLERY_LIMITS.credit} />
          </div>
          <div className="adm-form-actions">
            <button type="submit" className="adm-btn adm-btn-primary">
              上传到图集
            </button>
          </div>
        </form>
      </section>
      <section className="adm-panel" aria-labelledby="gallery-items-heading">
        <h2 id="gallery-items-heading">
          图集中的图片（{items.length} 张）
          {article.status === "published" ? (
            <>
              {" "}
              <a href={article.href} target="_blank" rel="noopener" className="adm-btn adm-btn-small">
                查看读者页面
              </a>
            </>
          ) : null}
        </h2>
        {items.length === 0 ? (
          <p>还没有图片。</p>
        ) : (
          <ol className="adm-gallery">
            {items.map((item, i) => (
              <GalleryItemRow
                key={item.id}
                articleId={article.id}
                item={item}
                n={i + 1}
                count={items.length}
              />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
