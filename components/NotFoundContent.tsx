import Link from "next/link";

/** What a reader sees where a page's content would be when the address leads nowhere. */
export function NotFoundContent() {
  return (
    <div className="not-found">
      <h1>页面不存在</h1>
      <p>您访问的新闻可能已下线，或者网址有误。</p>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </div>
  );
}
