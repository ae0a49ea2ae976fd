"use client";
import { useState, useTransition } from "react";
import { findTopicStoriesAction } from "@/lib/actions/admin/topics";
import type { StoryHit } from "@/lib/data/admin-topics";

/**
 * 查找稿件: search stories by title and add one to a hand-picked section (appends its number to
 * that section's list). Without JavaScript, editors type numbers or addresses themselves.
 */
export function StoryFinder({ sections }: { sections: number }) {
  const [q, setQ] = useState("");
  const [target, setTarget] = useState("0");
  const [hits, setHits] = useState<StoryHit[]>([]);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();

  const search = () =>
    startTransition(async () => {
      const answer = await findTopicStoriesAction(q);
      setHits(answer.hits);
      setMessage(answer.message ?? `找到 ${answer.hits.length} 篇`);
    });

  const add = (id: number) => {
    const list = document.getElementById(`topic-s${target}-stories`);
    const picked = document.getElementById(`topic-s${target}-kind-picked`);
    if (!(list instanceof HTMLTextAreaElement)) return;
    const current = list.value.trim();
    list.value = current === "" ? String(id) : `${current}\n${id}`;
    if (picked instanceof HTMLInputElement) picked.checked = true;
    setMessage(`已把 ${id} 加入栏目 ${Number(target) + 1}`);
  };

  return (
    <div className="adm-fieldset" role="search" aria-label="稿件查找">
      <div className="adm-button-row">
        <label htmlFor="topic-find-q">查找稿件</label>
        <input
          id="topic-find-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              search();
            }
          }}
        />
        <button type="button" className="adm-btn adm-btn-small" onClick={search} disabled={pending}>
          {pending ? "正在查找…" : "查找"}
        </button>
        <label htmlFor="topic-find-target">加入到</label>
        <select id="topic-find-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          {Array.from({ length: sections }, (_, i) => (
            <option key={i} value={String(i)}>
              栏目 {i + 1}
            </option>
          ))}
        </select>
      </div>
      <p className="adm-field-hint" aria-live="polite">
        {message}
      </p>
      {hits.length > 0 ? (
        <ul className="adm-find-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="adm-btn adm-btn-small" onClick={() => add(h.id)}>
                加入 {h.id}
              </button>{" "}
              {h.title}（{h.channelName}
              {h.visible ? "" : "，读者尚看不到"}）
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
