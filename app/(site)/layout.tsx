import type { ReactNode } from "react";
import { listChannels } from "@/lib/data/channels";
import { env } from "@/lib/env";
import { formatLongDate } from "@/lib/time";
import { SiteHeader } from "@/components/SiteHeader";
import { SiteFooter } from "@/components/SiteFooter";
import { siteFooterProps } from "@/lib/site";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const channels = await listChannels();
  return (
    <>
      <a href="#main" className="skip-link">
        跳到正文
      </a>
      <SiteHeader siteName={env.SITE_NAME} today={formatLongDate(new Date())} channels={channels} />
      <main id="main" className="wrap">
        {children}
      </main>
      <SiteFooter {...siteFooterProps()} />
    </>
  );
}
