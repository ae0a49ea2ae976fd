import Link from "next/link";
import type { ChannelBarData } from "@/lib/data/types";
import { ChannelNav } from "@/components/ChannelNav";

export function SiteHeader({
  siteName,
  today,
  bar,
  path,
}: {
  siteName: string;
  today: string;
  bar: ChannelBarData;
  /** The reader page shown, when it is not this page's own (the editor's preview of a story). */
  path?: string;
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
      <ChannelNav bar={bar} path={path} />
    </header>
  );
}
