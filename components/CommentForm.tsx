"use client";
import { useActionState, useEffect, useRef } from "react";
import { postComment } from "@/lib/actions/post-comment";
import type { CommentFormState } from "@/lib/comments/submit";

const initial: CommentFormState = { status: "idle" };

/**
 * Reader comment form. What was typed is kept when the server refuses it. Its anti-spam token is
 * not in the page (cached for all readers): it is fetched when the form scrolls into view or gets
 * focus, and the server's minimum fill time counts from then.
 */
export function CommentForm({ articleId }: { articleId: number }) {
  const token = useRef<Promise<string> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const getToken = (): Promise<string> =>
    (token.current ??= fetch(`/api/articles/${articleId}/comment-token`, { cache: "no-store" })
      .then(async (r) => (r.ok ? (((await r.json()) as { token?: string }).token ?? "") : ""))
      .catch(() => "")
      .then((t) => {
        if (t === "") token.current = null;
        return t;
      }));
  useEffect(() => {
    const form = formRef.current;
    if (!form || typeof IntersectionObserver !== "function") return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        void getToken();
        seen.disconnect();
      }
    });
    seen.observe(form);
    return () => seen.disconnect();
  });
  const [state, action, pending] = useActionState(async (prev: CommentFormState, form: FormData) => {
    form.set("token", await getToken());
    return postComment(prev, form);
  }, initial);
  const ok = state.status === "pending" || state.status === "approved";
  // React resets a form after its action completes, to the fields' defaultValue: empty after a
  // successful post, the typed text (returned by the server) after a refusal.
  const bodyError = state.errors?.body?.[0];
  const nickError = state.errors?.nickname?.[0];
  return (
    <form ref={formRef} action={action} onFocus={() => void getToken()} className="comment-form" noValidate>
      <input type="hidden" name="articleId" value={articleId} />
      <noscript>
        <p className="form-message error">发表评论需要启用浏览器的 JavaScript。</p>
      </noscript>
      <div className="hp" aria-hidden="true">
        <label htmlFor="comment-website">网站</label>
        <input
          id="comment-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <div className="field">
        <label htmlFor="comment-nickname">昵称（可不填，默认“网友”）</label>
        <input
          id="comment-nickname"
          name="nickname"
          maxLength={20}
          defaultValue={ok ? "" : (state.values?.nickname ?? "")}
          aria-invalid={nickError ? true : undefined}
          aria-describedby={nickError ? "comment-nickname-error" : undefined}
        />
        {nickError ? (
          <p id="comment-nickname-error" className="field-error">
            {nickError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="comment-body">评论内容（2–500 字）</label>
        <textarea
          id="comment-body"
          name="body"
          rows={4}
          defaultValue={ok ? "" : (state.values?.body ?? "")}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? "comment-body-error" : undefined}
        />
        {bodyError ? (
          <p id="comment-body-error" className="field-error">
            {bodyError}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? "提交中…" : "发表评论"}
        </button>
        <p className="comment-note">评论经审核后显示，请文明发言。</p>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={state.status === "error" ? "form-message error" : "form-message"}
      >
        {state.message ?? ""}
      </p>
    </form>
  );
}
