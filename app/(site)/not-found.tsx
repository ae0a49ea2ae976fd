import Link from "next/link";

export default function NotFound() {
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
