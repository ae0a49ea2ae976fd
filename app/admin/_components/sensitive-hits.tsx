import type { SensitiveHit } from "@/lib/sensitive/check";

/** The check's findings: each word in its field, at its position, with the words around it. */
export function SensitiveHits({ hits }: { hits: readonly SensitiveHit[] }) {
  if (hits.length === 0) {
    return (
      <p className="adm-form-message adm-ok" role="status">
        未发现敏感词。
      </p>
    );
  }
  return (
    <div role="status">
      <p className="adm-sensitive-count">发现 {hits.length} 处敏感词：</p>
      <ol className="adm-sensitive-hits">
        {hits.map((h, i) => (
          <li key={i}>
            <span className="adm-muted">
              {h.label} 第 {h.position} 字{h.category ? ` · ${h.category}` : ""}：
            </span>
            …{h.before}
            <mark>{h.match}</mark>
            {h.after}…
          </li>
        ))}
      </ol>
    </div>
  );
}
