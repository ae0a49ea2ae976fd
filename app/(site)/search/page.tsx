import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listChannels } from "@/lib/data/channels";
import { getSidebarData } from "@/lib/data/page-data";
import { searchArticles } from "@/lib/data/search";
import { env } from "@/lib/env";
import { PAGE_SIZE, pageCount, pageHref, parsePageParam } from "@/lib/pagination";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "@/lib/search-text";
import { minuteNow } from "@/lib/time";
import { Breadcrumb } from "@/components/Breadcrumb";
import { Highlight } from "@/components/Highlight";
import { PortalSidebar } from "@/components/PortalSidebar";
import { Pagination } from "@/components/Pagination";
import { TimeText } from "@/components/TimeText";
import "./search.css";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseSearchQuery((await searchParams).q);
  return {
    title: query.kind === "ok" ? `搜索：${query.text}` : "搜索",
    // Result pages are endless variations of the site's own content.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const query = parseSearchQuery(params.q);
  // Rendered per request, so a bad page number costs nothing to forgive: `?page=0`, `?page=abc`
  // show the first page, and a page past the results says so with a way back (never an empty 404).
  const page = parsePageParam(params.page) ?? 1;
  const nowMs = minuteNow().getTime();
  const channels = await listChannels();
  // An unknown channel in the address searches every channel rather than failing.
  const channel = channels.find((c) => c.slug === first(params.channel)) ?? null;
  const [results, sidebar] = await Promise.all([
    query.kind === "ok"
      ? searchArticles({ terms: query.terms, channelId: channel?.id ?? null, page, nowMs })
      : null,
    getSidebarData(channel?.id ?? null, nowMs),
  ]);
  const totalPages = pageCount(results?.total ?? 0, PAGE_SIZE);
  const pastTheEnd = results !== null && page > totalPages;
  const linkParams = { q: query.kind === "ok" ? query.text : "", channel: channel?.slug ?? "" };
  const terms = query.kind === "ok" ? query.terms : [];

  return (
    <div className="layout">
      <div className="content">
        <Breadcrumb items={[{ label: env.SITE_NAME, href: "/" }, { label: "搜索" }]} />
        <header className="channel-head search-head">
          <h1>
            {query.kind === "ok" ? `搜索：${query.text}` : "站内搜索"}
            {results && page > 1 && !pastTheEnd ? <span className="page-no">第 {page} 页</span> : null}
          </h1>
          <form action="/search" method="get" role="search" aria-label="站内搜索" className="search-form">
            <div className="search-field search-field-q">
              <label htmlFor="search-q">关键词</label>
              <input
                id="search-q"
                name="q"
                type="search"
                defaultValue={query.kind === "ok" ? query.text : first(params.q)}
                maxLength={MAX_QUERY_LENGTH}
                placeholder="地名、人名、事件……"
              />
            </div>
            <div className="search-field">
              <label htmlFor="search-channel">频道</label>
              <select id="search-channel" name="channel" defaultValue={channel?.slug ?? ""}>
                <option value="">全部频道</option>
                {channels.map((c) => (
                  <option key={c.id} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">搜索</button>
          </form>
        </header>

        {query.kind === "empty" ? (
          <p className="search-status" role="status">
            请输入要搜索的关键词，例如地名、人名或事件，可以选择只搜索某个频道。
          </p>
        ) : query.kind === "too-long" ? (
          <p className="search-status search-error" role="alert">
            搜索词太长了（{query.length} 个字），请不超过 {MAX_QUERY_LENGTH} 个字后再试。
          </p>
        ) : pastTheEnd && results.total > 0 ? (
          <p className="search-status" role="status">
            没有第 {page} 页：{channel ? `在${channel.name}中` : null}与“{query.text}”相关的新闻共{" "}
            {results.total} 条，{totalPages} 页。
            <Link href={pageHref("/search", 1, linkParams)}>回到第 1 页</Link>
            {totalPages > 1 ? (
              <>
                {" "}
                或<Link href={pageHref("/search", totalPages, linkParams)}>最后一页</Link>
              </>
            ) : null}
            。
          </p>
        ) : results && results.total > 0 ? (
          <p className="search-status" role="status">
            {channel ? `在${channel.name}中` : null}找到{" "}
            {results.capped ? `${results.total} 多` : results.total} 条与“{query.text}”相关的新闻
            {results.capped ? `，以下是最新的 ${results.total} 条` : null}
          </p>
        ) : (
          <p className="search-status" role="status">
            {channel ? `${channel.name}中` : null}没有找到与“{query.text}”相关的新闻。请换个关键词
            {channel ? "，或改为搜索全部频道" : ""}。
          </p>
        )}

        {results && results.items.length > 0 ? (
          <ul className="teasers search-results">
            {results.items.map((a) => (
              <li key={a.id} className="teaser">
                <div className="teaser-text">
                  <h2 className="teaser-title">
                    <Link href={a.href}>
                      <Highlight text={a.title} terms={terms} />
                    </Link>
                  </h2>
                  {a.snippet ? (
                    <p className="teaser-excerpt">
                      <Highlight text={a.snippet} terms={terms} />
                    </p>
                  ) : null}
                  <p className="teaser-meta">
                    <span>{a.channel.name}</span> <TimeText date={a.publishedAt} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
        {results && query.kind === "ok" && !pastTheEnd ? (
          <Pagination basePath="/search" params={linkParams} page={page} totalPages={totalPages} />
        ) : null}
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
