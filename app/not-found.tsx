import Link from "next/link";

export default function NotFound() {
  return (
    <main className="not-found wrap">
      <h1>页面不存在</h1>
      <p>您访问的页面可能已删除，或者网址有误。</p>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </main>
  );
}
