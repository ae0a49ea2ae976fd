import Link from "next/link";
import { pageLinks } from "@/lib/pagination";

/**
 * Numbered pagination for lists whose address carries other query parameters (search: `q`,
 * `channel`), which `Pagination`'s `?page=N` suffix cannot keep. Same markup and classes.
 */
export function QueryPagination({
  basePath,
  params,
  page,
  totalPages,
}: {
  basePath: string;
  /** Parameters every page link keeps; empty values are left out. */
  params: Record<string, string>;
  page: number;
  totalPages: number;
}) {
  if (totalPages <= 1) return null;
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== "") search.set(k, v);
    if (p > 1) search.set("page", String(p));
    const qs = search.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav className="pagination" aria-label="分页">
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
