import { getChannelBar } from "@/lib/data/channels";
import { env } from "@/lib/env";
import { formatLongDate } from "@/lib/time";
import { SiteFooter } from "@/components/SiteFooter";
import { siteFooterProps } from "@/lib/site";
import { SiteHeader } from "@/components/SiteHeader";
import { NotFoundContent } from "@/components/NotFoundContent";

/**
 * The 404 page for addresses that match no route at all, rendered on the server with the portal's
 * header and footer. Reader pages whose story, channel or tag does not exist answer their own 404
 * (components/PageOr404.tsx).
 */
export default async function NotFound() {
  const bar = await getChannelBar();
  return (
    <>
      <SiteHeader siteName={env.SITE_NAME} today={formatLongDate(new Date())} bar={bar} />
      <main id="main" className="wrap">
        <NotFoundContent />
      </main>
      <SiteFooter {...siteFooterProps()} />
    </>
  );
}
