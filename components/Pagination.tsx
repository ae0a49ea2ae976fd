import Link from "next/link";
import { pageHref, pageLinks } from "@/lib/pagination";

/** Numbered pagination; `params` are query parameters every page link keeps (e.g. a search). */
export function Pagination({
  basePath,
  page,
  totalPages,
  params = {},
  label = "分页",
  className = "pagination",
}: {
  basePath: string;
  page: number;
  totalPages: number;
  params?: Readonly<Record<string, string>>;
  /** Accessible name of the navigation landmark (unique per page). */
  label?: string;
  /** The reader pages' look by default; the editor area styles `adm-pagination`. */
  className?: string;
}) {
  if (totalPages <= 1) return null;
  const href = (p: number) => pageHref(basePath, p, params);
  return (
    <nav className={className} aria-label={label}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          上一页
        </Link>
      ) : (
        <span className="disabled">上一页</span>
      )}
      {pageLinks(page, totalPages).map((l) =>
        l.kind === "gap" ? (
          <span key={l.key} className="gap" aria-hidden="true">
            …
          </span>
        ) : l.current ? (
          <span key={l.page} aria-current="page" className="current">
            {l.page}
          </span>
        ) : (
          <Link key={l.page} href={href(l.page)} aria-label={`第 ${l.page} 页`}>
            {l.page}
          </Link>
        ),
      )}
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          下一页
        </Link>
      ) : (
        <span className="disabled">下一页</span>
      )}
    </nav>
  );
}
