// Site-wide presentation settings taken from configuration, in the shape the layout components
// take them (header, footer), so that every page frame is built the same way.
import { env } from "@/lib/env";

export function siteFooterProps() {
  return {
    siteName: env.SITE_NAME,
    slogan: env.SITE_SLOGAN,
    icp: env.ICP_RECORD,
    publicSecurity: env.PUBLIC_SECURITY_RECORD,
    siteUrl: env.SITE_URL,
  };
}
