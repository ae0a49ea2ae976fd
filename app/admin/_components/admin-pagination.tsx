import Link from "next/link";
import { pageLinks } from "@/lib/pagination";

/** Numbered pages for editor-area lists; keeps the list's other query parameters. */
export function AdminPagination({
  basePath,
  params,
  page,
  totalPages,
}: {
  basePath: string;
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
    <nav className="adm-pagination" aria-label="分页">
      {page > 1 ? <Link href={href(page - 1)}>上一页</Link> : <span aria-disabled="true">上一页</span>}
      {pageLinks(page, totalPages).map((l) =>
        l.kind === "gap" ? (
          <span key={l.key} aria-hidden="true">
            …
          </span>
        ) : l.current ? (
          <span key={l.page} aria-current="page" className="adm-page-current">
            {l.page}
          </span>
        ) : (
          <Link key={l.page} href={href(l.page)} aria-label={`第 ${l.page} 页`}>
            {l.page}
          </Link>
        ),
      )}
      {page < totalPages ? (
        <Link href={href(page + 1)}>下一页</Link>
      ) : (
        <span aria-disabled="true">下一页</span>
      )}
    </nav>
  );
}
