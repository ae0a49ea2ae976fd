import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: env.SITE_NAME, template: `%s - ${env.SITE_NAME}` },
  description: env.SITE_SLOGAN,
  applicationName: env.SITE_NAME,
  formatDetection: { telephone: false },
  alternates: { types: { "application/rss+xml": [{ url: "/rss.xml", title: env.SITE_NAME }] } },
  openGraph: { siteName: env.SITE_NAME, locale: "zh_CN", type: "website" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#b91c1c",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
