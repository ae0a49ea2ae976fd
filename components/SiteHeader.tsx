import Link from "next/link";
import type { ChannelRef } from "@/lib/data/types";
import { ChannelNav } from "@/components/ChannelNav";

export function SiteHeader({
  siteName,
  today,
  channels,
}: {
  siteName: string;
  today: string;
  channels: ChannelRef[];
}) {
  return (
    <header className="site-header">
      <div className="masthead wrap">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            地
          </span>
          <span className="brand-name">{siteName}</span>
        </Link>
        <p className="today">{today}</p>
        <form action="/search" method="get" role="search" className="search-box">
          <label htmlFor="site-search" className="sr-only">
            搜索新闻
          </label>
          <input id="site-search" name="q" type="search" placeholder="搜索新闻" maxLength={100} />
          <button type="submit">搜索</button>
        </form>
      </div>
      <ChannelNav channels={channels} />
    </header>
  );
}
