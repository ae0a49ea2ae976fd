"use client";
// Around the article form on the edit and new pages (issue 13 item 4): autosave of what is typed
// (lib/drafts/autosave.ts) and, for a saved story, the edit lock (lib/locks/edit-lock.ts) with its
// banners. The form itself is not touched: this reads its fields from the DOM (FormData, the
// rich editor's hidden `body` included) and disables it through a surrounding <fieldset> (and
// FormReadOnly, for the rich editor).
// The lock is taken at the first change and kept by the heartbeat while there are changes; a save
// ends it on the server, leaving the page (or losing the right to edit) releases it.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { formatClock } from "@/lib/time";
import { AUTOSAVE_MS, HEARTBEAT_MS, WAIT_POLL_MS } from "@/lib/locks/timing";
import type { LockJson } from "@/lib/locks/lock-json";
import { FormReadOnly } from "./read-only";

export interface AutosaveOfferProps {
  /** ISO time of the autosave. */
  savedAt: string;
  /** The story was saved after it (by anyone): restoring would replace that save. */
  olderThanStory: boolean;
  /** The form shows the autosaved fields now (?restore=1). */
  restored: boolean;
  /** The page with the autosaved fields in the form. */
  restoreHref: string;
  /** The page without them. */
  plainHref: string;
}

interface Props {
  /** null: a new story (autosave only; nobody else can open it yet). */
  articleId: number | null;
  /** This person may edit the story: they take the lock. Otherwise the page is read-only anyway. */
  canEdit: boolean;
  /** The lock when the page was rendered (saved stories). */
  initialLock: LockJson | null;
  offer: AutosaveOfferProps | null;
  children: ReactNode;
}

/**
 * editing: the form is this person's (holding the lock once they change something; a new story
 * has none); blocked: someone else held it when the page opened and this person has not chosen
 * yet; reading: 只读查看; waiting: 等待, polling until it is free; free: it became free while
 * reading or waiting; lost: someone else took it while this page was open (from this page, or
 * before its first change), the form stays as typed.
 */
type Mode = "editing" | "blocked" | "reading" | "waiting" | "free" | "lost";

interface Holder {
  name: string;
  since: string;
}

/**
 * What changes the form: typing (the rich editor's too), choices, pastes, drops, and its tool and
 * picker buttons (clicks on the form's own submit buttons are saves, not changes).
 */
const EDIT_EVENTS = ["input", "change", "paste", "cut", "drop", "click"] as const;

function isEdit(event: Event): boolean {
  if (event.type !== "click") return true;
  return event.target instanceof Element && event.target.closest('button:not([type="submit"])') !== null;
}

function sendRelease(url: string, keepalive: boolean): void {
  void fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action: "release" }),
    keepalive,
  }).catch(() => undefined);
}
/** What `fetch(…, { keepalive: true })` may carry when the tab closes. */
const KEEPALIVE_MAX = 60_000;

const clock = (iso: string, seconds = false) => formatClock(new Date(iso), seconds);

/** The form's text fields as the browser would send them (files left out). */
function formFields(form: HTMLFormElement): string {
  const fields: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === "string") fields[name] = value;
  return JSON.stringify(fields);
}

async function postJson(
  url: string,
  body: string,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, data };
}

export function EditSession({ articleId, canEdit, initialLock, offer, children }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<Mode>(initialLock?.state === "other" && canEdit ? "blocked" : "editing");
  const [holder, setHolder] = useState<Holder | null>(
    initialLock?.state === "other" ? initialLock.holder : null,
  );
  const [confirming, setConfirming] = useState(false);
  // Someone else holds the lock while this page has changes: taken over from this page (it held
  // the lock), or started before this page's first change reached the server.
  const [takenFromMe, setTakenFromMe] = useState(false);
  // This page holds the lock (as far as it knows), and wants it: it has changes not yet saved.
  const held = useRef(initialLock?.state === "mine");
  const wantLock = useRef(initialLock?.state === "mine");
  // Set by the heartbeat: ask at once (the first change of a page).
  const beatNow = useRef<() => void>(() => undefined);
  // Reloading after a take-over: the page keeps the lock it just took.
  const reloading = useRef(false);
  const [lockError, setLockError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // The autosave offer waits for a decision: until then typing is not autosaved, so that the
  // older autosave is not overwritten before the editor has chosen.
  const [offerOpen, setOfferOpen] = useState(offer !== null && !offer.restored);
  const readOnly = mode === "blocked" || mode === "reading" || mode === "waiting" || mode === "free";
  // Nothing is autosaved on a page that cannot save (read-only, or a story this person may not
  // change), nor while the offer waits for a decision.
  const hold = useRef({ readOnly: readOnly || !canEdit, offerOpen });
  useEffect(() => {
    hold.current = { readOnly: readOnly || !canEdit, offerOpen };
  }, [readOnly, canEdit, offerOpen]);

  const slot = articleId === null ? "new" : String(articleId);
  const autosaveUrl = `/admin/api/articles/${slot}/autosave`;
  const lockUrl = articleId === null ? null : `/admin/api/articles/${articleId}/lock`;

  // Autosave: every few seconds, when something was typed and the fields differ from what was
  // sent last. Never more than one request at a time.
  useEffect(() => {
    const wrap = wrapRef.current;
    const form = wrap?.querySelector("form");
    if (!wrap || !form) return;
    let lastSent = formFields(form);
    let dirty = false;
    // A new story stops after its save starts: the save clears the slot and opens the story's
    // own page, and a late autosave would bring the slot back.
    let paused = false;
    let inFlight = false;
    const send = async (fields: string) => {
      inFlight = true;
      try {
        const { status: code, data } = await postJson(autosaveUrl, fields);
        if (code === 200 && data.ok === true && typeof data.savedAt === "string") {
          lastSent = fields;
          setStatus({ ok: true, text: `已自动保存 ${clock(data.savedAt, true)}` });
        } else {
          // Refused for good (too long, no right): not again until the fields change.
          if (code !== 401 && code < 500) lastSent = fields;
          setStatus({ ok: false, text: typeof data.message === "string" ? data.message : "自动保存失败" });
        }
      } catch {
        setStatus({ ok: false, text: "自动保存失败（网络错误），稍后自动重试；已输入的内容仍在表单中" });
      } finally {
        inFlight = false;
      }
    };
    const tick = () => {
      if (!dirty || paused || inFlight || hold.current.readOnly || hold.current.offerOpen) return;
      const fields = formFields(form);
      if (fields !== lastSent) void send(fields);
    };
    const mark = (event: Event) => {
      if (!isEdit(event)) return;
      dirty = true;
      paused = false;
      if (!wantLock.current) {
        wantLock.current = true;
        beatNow.current();
      }
    };
    const onSubmit = () => {
      // A save that goes through ends the lock on the server (one that is refused leaves it until
      // the next heartbeat lets go of it; the next change takes it again).
      wantLock.current = false;
      if (articleId === null) paused = true;
      // A saved story's slot gets the latest fields at once: if the save is refused (someone took
      // the story over), what was typed is in the slot too. A save that succeeds clears it either
      // way (the server drops a slot equal to the saved story).
      else tick();
    };
    // The tab closes between two ticks: the last keystrokes go out with the page (small bodies only).
    const onHide = () => {
      if (!dirty || paused || hold.current.readOnly || hold.current.offerOpen) return;
      const fields = formFields(form);
      if (fields === lastSent || fields.length > KEEPALIVE_MAX) return;
      void fetch(autosaveUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: fields,
        keepalive: true,
      }).catch(() => undefined);
    };
    for (const e of EDIT_EVENTS) wrap.addEventListener(e, mark);
    wrap.addEventListener("submit", onSubmit);
    window.addEventListener("pagehide", onHide);
    const timer = window.setInterval(tick, AUTOSAVE_MS);
    return () => {
      for (const e of EDIT_EVENTS) wrap.removeEventListener(e, mark);
      wrap.removeEventListener("submit", onSubmit);
      window.removeEventListener("pagehide", onHide);
      window.clearInterval(timer);
    };
  }, [articleId, autosaveUrl]);

  const lockRequest = useCallback(
    async (action: "keep" | "peek" | "take"): Promise<LockJson | null> => {
      if (!lockUrl) return null;
      try {
        const { status: code, data } = await postJson(lockUrl, JSON.stringify({ action }));
        if (code === 200 && data.ok === true) {
          setLockError(null);
          return data.lock as LockJson;
        }
        setLockError(typeof data.message === "string" ? data.message : "编辑锁状态未能更新");
      } catch {
        setLockError("网络错误，编辑锁状态未能更新；稍后自动重试");
      }
      return null;
    },
    [lockUrl],
  );

  // The heartbeat: keep the lock while editing; otherwise only look who has it.
  useEffect(() => {
    if (!lockUrl || !canEdit) return;
    let stopped = false;
    const beat = async () => {
      const lock = await lockRequest(mode === "editing" && wantLock.current ? "keep" : "peek");
      if (stopped || !lock) return;
      if (lock.state === "mine") {
        held.current = true;
        // Still this page's after its save (a heartbeat that crossed the save): nothing is left
        // to protect, so others need not wait for it to expire.
        if (!wantLock.current) {
          held.current = false;
          sendRelease(lockUrl, false);
        }
      } else if (lock.state === "other") {
        setHolder(lock.holder);
        // The page stays editable (a save is refused while the other holds the lock, and what is
        // typed is autosaved); the banner says who, and offers to take it back.
        if (mode === "editing") {
          setTakenFromMe(held.current);
          setMode("lost");
        }
        held.current = false;
      } else {
        held.current = false;
        if (mode === "waiting" || mode === "reading" || mode === "blocked") setMode("free");
        // The other editor is done: this page's changes may take the lock again.
        else if (mode === "lost") setMode("editing");
      }
    };
    beatNow.current = () => void beat();
    void beat();
    const timer = window.setInterval(() => void beat(), mode === "waiting" ? WAIT_POLL_MS : HEARTBEAT_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void beat();
    };
    const release = () => {
      if (!held.current || reloading.current) return;
      held.current = false;
      sendRelease(lockUrl, true);
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pagehide", release);
    return () => {
      stopped = true;
      beatNow.current = () => undefined;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pagehide", release);
    };
  }, [lockUrl, canEdit, mode, lockRequest]);

  // The page can no longer edit (the story went to review after a submit): let go of the lock.
  useEffect(() => {
    if (canEdit || !lockUrl || !held.current) return;
    held.current = false;
    wantLock.current = false;
    sendRelease(lockUrl, false);
  }, [canEdit, lockUrl]);

  const takeOver = async () => {
    const lock = await lockRequest("take");
    setConfirming(false);
    if (lock?.state !== "mine") return;
    held.current = true;
    wantLock.current = true;
    // A read-only page may show an older version: open the story afresh. A page that was taken
    // over keeps what its editor typed and goes on editing.
    if (mode === "lost") setMode("editing");
    else {
      reloading.current = true;
      window.location.reload();
    }
  };

  const discard = async () => {
    try {
      const res = await fetch(autosaveUrl, { method: "DELETE" });
      if (!res.ok) throw new Error(String(res.status));
      setOfferOpen(false);
      setStatus({ ok: true, text: "已丢弃自动保存的内容" });
    } catch {
      setStatus({ ok: false, text: "未能丢弃自动保存的内容，请重试" });
    }
  };

  const confirmBox = (name: string) =>
    confirming ? (
      <div className="adm-lock-confirm">
        <p>接管后，{name} 将不能再保存这篇稿件（其已输入的内容会留在其自动保存中）。确定接管编辑？</p>
        <p className="adm-button-row">
          <button type="button" className="adm-btn adm-btn-primary" onClick={() => void takeOver()}>
            确定接管
          </button>
          <button type="button" className="adm-btn" onClick={() => setConfirming(false)}>
            取消
          </button>
        </p>
      </div>
    ) : null;

  return (
    <div ref={wrapRef} className="adm-edit-session">
      {offer && offer.restored ? (
        <p className="adm-form-message adm-ok" role="status">
          已恢复 {clock(offer.savedAt)} 自动保存的内容。检查无误后请保存；
          <a href={offer.plainHref}>不恢复，查看已保存的版本</a>
        </p>
      ) : offer && offerOpen ? (
        <section className="adm-panel adm-autosave-offer" aria-labelledby="autosave-offer-heading">
          <h2 id="autosave-offer-heading">发现 {clock(offer.savedAt)} 自动保存的未保存内容</h2>
          <p>
            上次关闭页面前输入的内容没有保存，已自动保存下来。
            {offer.olderThanStory ? "注意：稿件在这之后又被保存过，恢复后再保存会替换那次保存的内容。" : null}
            选择之前，新输入的内容不会自动保存。
          </p>
          <p className="adm-button-row">
            <a href={offer.restoreHref} className="adm-btn adm-btn-primary">
              恢复
            </a>
            <button type="button" className="adm-btn" onClick={() => void discard()}>
              丢弃
            </button>
          </p>
        </section>
      ) : null}

      {holder && mode !== "editing" ? (
        <section
          className={
            mode === "lost" ? "adm-panel adm-edit-lock adm-edit-lock-lost" : "adm-panel adm-edit-lock"
          }
          aria-labelledby="edit-lock-heading"
        >
          {mode === "lost" ? (
            <>
              <div role="alert">
                <h2 id="edit-lock-heading">
                  {takenFromMe
                    ? `您的编辑已被 ${holder.name} 接管（${clock(holder.since)}）`
                    : `${holder.name} 已在编辑这篇稿件（自 ${clock(holder.since)} 起）`}
                </h2>
                <p>
                  您现在保存会被拒绝。您输入的内容仍在表单中，也在您的自动保存里；可以复制需要的内容，或在对方结束后接管回来。
                </p>
              </div>
              {confirming ? (
                confirmBox(holder.name)
              ) : (
                <p className="adm-button-row">
                  <button type="button" className="adm-btn" onClick={() => setConfirming(true)}>
                    接管编辑
                  </button>
                </p>
              )}
            </>
          ) : mode === "free" ? (
            <>
              <div role="status">
                <h2 id="edit-lock-heading">{holder.name} 已结束编辑，现在可以编辑了</h2>
              </div>
              <p className="adm-button-row">
                <button
                  type="button"
                  className="adm-btn adm-btn-primary"
                  onClick={() => window.location.reload()}
                >
                  开始编辑
                </button>
              </p>
            </>
          ) : (
            <>
              <h2 id="edit-lock-heading">
                {holder.name} 正在编辑（自 {clock(holder.since)} 起）
              </h2>
              <p role="status">
                {mode === "reading"
                  ? "只读查看：表单不能修改。"
                  : mode === "waiting"
                    ? "正在等待：对方保存或离开页面后（页面意外关闭时约一分钟后），这里会告诉您。"
                    : "为免互相覆盖，同一时间只能有一人编辑。您可以只读查看、等待，或接管编辑。"}
              </p>
              {confirming ? (
                confirmBox(holder.name)
              ) : (
                <p className="adm-button-row">
                  {mode !== "reading" ? (
                    <button type="button" className="adm-btn" onClick={() => setMode("reading")}>
                      只读查看
                    </button>
                  ) : null}
                  {mode !== "waiting" ? (
                    <button type="button" className="adm-btn" onClick={() => setMode("waiting")}>
                      等待
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="adm-btn adm-btn-primary"
                    onClick={() => setConfirming(true)}
                  >
                    接管编辑
                  </button>
                </p>
              )}
            </>
          )}
        </section>
      ) : null}
      {lockError ? (
        <p className="adm-form-message" role="alert">
          {lockError}
        </p>
      ) : null}

      <fieldset className="adm-edit-fieldset" disabled={readOnly}>
        <FormReadOnly.Provider value={readOnly}>{children}</FormReadOnly.Provider>
      </fieldset>
      <p className="adm-autosave-status" aria-live="polite">
        {status ? <span className={status.ok ? undefined : "adm-autosave-failed"}>{status.text}</span> : null}
      </p>
    </div>
  );
}
