import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getBannerForAdmin, type AdminBanner } from "@/lib/data/admin-banner";
import { formatDateTime, requestTimeMs, toBeijingIso } from "@/lib/time";
import { BannerForm, RemoveBannerForm } from "./banner-form";

export const metadata: Metadata = { title: "突发横幅" };

const STATE_LABELS: Record<AdminBanner["state"], string> = {
  shown: "正在显示",
  ended: "已到结束时间，读者看不到",
  storyHidden: "稿件已撤下或未发布，读者看不到",
};

/** A suggested end time two hours from now, as a datetime-local value in Beijing time. */
function suggestedEnd(nowMs: number): string {
  return toBeijingIso(new Date(nowMs + 2 * 3_600_000)).slice(0, 16);
}

export default async function BannerPage() {
  await requireUser("/admin/banner");
  const nowMs = requestTimeMs();
  const banner = await getBannerForAdmin(nowMs);
  return (
    <>
      <h1>突发横幅</h1>
      <p className="adm-lead">
        设置后几秒内出现在网站每个页面的页头下方，链接到一篇已发布的稿件；同一时间只有一条，发布新横幅会替换旧的。
      </p>
      <section className="adm-panel" aria-labelledby="banner-current-heading">
        <h2 id="banner-current-heading">当前横幅</h2>
        {banner ? (
          <>
            <dl className="adm-kv">
              <dt>文字</dt>
              <dd>{banner.text}</dd>
              <dt>稿件</dt>
              <dd>
                <Link href={banner.href}>{banner.articleTitle}</Link>（{banner.articleId}）
              </dd>
              <dt>结束时间</dt>
              <dd>{formatDateTime(banner.endsAt)}</dd>
              <dt>状态</dt>
              <dd>{STATE_LABELS[banner.state]}</dd>
              <dt>设置人</dt>
              <dd>
                {banner.createdBy || "—"}，{formatDateTime(banner.createdAt)}
              </dd>
            </dl>
            <RemoveBannerForm />
          </>
        ) : (
          <p>当前没有突发横幅。</p>
        )}
      </section>
      <section className="adm-panel">
        <BannerForm initial={{ text: "", article: "", endsAt: suggestedEnd(nowMs) }} />
      </section>
    </>
  );
}
