import type { ReactNode } from "react";
import { getChannelBar } from "@/lib/data/channels";
import { getBreakingBanner } from "@/lib/data/banner";
import { env } from "@/lib/env";
import { formatLongDate, minuteNow } from "@/lib/time";
import { SiteHeader } from "@/components/SiteHeader";
import { SiteFooter } from "@/components/SiteFooter";
import { BreakingBanner } from "@/components/BreakingBanner";
import { siteFooterProps } from "@/lib/site";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  // The banner is part of every cached page: setting, removing and ending it drop the pages
  // (lib/banner/service.ts), so it costs readers nothing.
  const [bar, banner] = await Promise.all([getChannelBar(), getBreakingBanner(minuteNow().getTime())]);
  return (
    <>
      <a href="#main" className="skip-link">
        跳到正文
      </a>
      <SiteHeader siteName={env.SITE_NAME} today={formatLongDate(new Date())} bar={bar} />
      {banner ? <BreakingBanner banner={banner} /> : null}
      <main id="main" className="wrap">
        {children}
      </main>
      <SiteFooter {...siteFooterProps()} />
    </>
  );
}
