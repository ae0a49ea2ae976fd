import Link from "next/link";
import { connection } from "next/server";
import { listChannels } from "@/lib/data/channels";
import { env } from "@/lib/env";
import { formatLongDate } from "@/lib/time";
import { SiteFooter } from "@/components/SiteFooter";
import { siteFooterProps } from "@/lib/site";
import { SiteHeader } from "@/components/SiteHeader";

/**
 * The 404 page for every URL that leads nowhere (unmatched routes, and reader URLs that proxy.ts
 * found missing), rendered on the server with the portal's header and footer.
 */
export default async function NotFound() {
  await connection();
  const channels = await listChannels();
  return (
    <>
      <SiteHeader siteName={env.SITE_NAME} today={formatLongDate(new Date())} channels={channels} />
      <main id="main" className="wrap">
        <div className="not-found">
          <h1>页面不存在</h1>
          <p>您访问的新闻可能已下线，或者网址有误。</p>
          <p>
            <Link href="/">返回首页</Link>
          </p>
        </div>
      </main>
      <SiteFooter {...siteFooterProps()} />
    </>
  );
}
