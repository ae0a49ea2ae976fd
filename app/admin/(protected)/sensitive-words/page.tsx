import type { Metadata } from "next";
import { signedInAdmin } from "@/lib/auth/session";
import { AdminForbiddenPage } from "@/app/admin/_components/admin-forbidden";
import { WORDS_PAGE_SIZE, listSensitiveWords } from "@/lib/data/admin-sensitive-words";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { WORD_KINDS, WORD_KIND_LABELS, type WordKind } from "@/lib/sensitive/rules";
import { Pagination } from "@/components/Pagination";
import { AddWordsForm, CheckTextForm, RemoveWordForm } from "./word-forms";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "敏感词" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Admins keep the sensitive-word lists (敏感词 and 白名单) that stories are checked against. */
export default async function SensitiveWordsPage({ searchParams }: Props) {
  if (!(await signedInAdmin("/admin/sensitive-words"))) return <AdminForbiddenPage />;
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const page = parsePageParam(one(query.page));
  if (page === null) return <AdminNotFoundPage />;
  const kindParam = one(query.kind);
  const kind = WORD_KINDS.includes(kindParam as WordKind) ? (kindParam as WordKind) : null;
  const q = (one(query.q) ?? "").trim().slice(0, 30);
  const list = await listSensitiveWords({ kind, q, page });
  return (
    <>
      <h1>敏感词</h1>
      <p className="adm-lead">
        稿件的标题、摘要、正文和图片说明会与这里的词表比对（敏感词 {list.counts.block} 个，白名单{" "}
        {list.counts.allow} 个）。白名单中的说法里出现的敏感词不算命中。
      </p>
      <section className="adm-panel" aria-labelledby="words-add-heading">
        <h2 id="words-add-heading">添加词语</h2>
        <AddWordsForm />
      </section>
      <section className="adm-panel" aria-labelledby="words-check-heading">
        <h2 id="words-check-heading">检查一段文字</h2>
        <CheckTextForm />
      </section>
      <section className="adm-panel" aria-labelledby="words-list-heading">
        <h2 id="words-list-heading">词表（{list.total}）</h2>
        <form method="get" className="adm-filters" aria-label="筛选词表">
          <label>
            词表
            <select name="kind" defaultValue={kind ?? ""}>
              <option value="">全部</option>
              {WORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {WORD_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            查找
            <input type="search" name="q" defaultValue={q} />
          </label>
          <button type="submit" className="adm-btn">
            筛选
          </button>
        </form>
        {list.items.length === 0 ? (
          <p>没有符合条件的词。</p>
        ) : (
          <div className="adm-table-wrap">
            <table className="admin-table adm-stacked">
              <thead>
                <tr>
                  <th scope="col">词语</th>
                  <th scope="col">词表</th>
                  <th scope="col">分类</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((w) => (
                  <tr key={w.id}>
                    <td data-label="词语">{w.word}</td>
                    <td data-label="词表">{WORD_KIND_LABELS[w.kind]}</td>
                    <td data-label="分类">{w.category || "—"}</td>
                    <td data-label="操作">
                      <RemoveWordForm id={w.id} word={w.word} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          className="adm-pagination"
          basePath="/admin/sensitive-words"
          params={{ ...(kind ? { kind } : {}), ...(q ? { q } : {}) }}
          page={page}
          totalPages={pageCount(list.total, WORDS_PAGE_SIZE)}
        />
      </section>
    </>
  );
}
