"use client";
import { useActionState } from "react";
import {
  endLiveAction,
  liveEntryFlagAction,
  saveLiveEntryAction,
  startLiveAction,
  type LiveFormState,
} from "@/lib/actions/admin/live";
import { LIVE_LIMITS, type LiveEntryFormValues } from "@/lib/live/rules";
import type { AdminImage } from "@/lib/data/admin-images";
import { FieldError, FormMessage, SubmitButton } from "../../../../_components/form-parts";

const initialState: LiveFormState = {};

/** Start, restart or end the coverage: one button. */
export function CoverageForm({
  articleId,
  action,
}: {
  articleId: number;
  action: "start" | "restart" | "end";
}) {
  const [state, formAction] = useActionState(
    action === "end" ? endLiveAction : startLiveAction,
    initialState,
  );
  const label = { start: "开始直播", restart: "重新开始直播", end: "结束直播" }[action];
  return (
    <form action={formAction} className="adm-inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <SubmitButton
        className={action === "end" ? "adm-btn adm-btn-danger" : "adm-btn adm-btn-primary"}
        pendingText="正在保存…"
      >
        {label}
      </SubmitButton>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

interface EntryFormProps {
  articleId: number;
  /** Set when correcting an entry. */
  entryId?: number;
  initial: LiveEntryFormValues;
  images: AdminImage[];
}

/** A new entry, or the correction of one: text, an optional quote and an optional image. */
export function LiveEntryForm({ articleId, entryId, initial, images }: EntryFormProps) {
  const [state, formAction] = useActionState(saveLiveEntryAction, initialState);
  const errors = state.errors ?? {};
  const values = { ...initial, ...state.values };
  const p = entryId === undefined ? "live-new" : `live-${entryId}`;
  const field = (name: keyof LiveEntryFormValues) => ({
    id: `${p}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": `${p}-${name}-error`,
  });
  return (
    <form action={formAction} className="admin-form" noValidate>
      <input type="hidden" name="articleId" value={articleId} />
      {entryId === undefined ? null : <input type="hidden" name="entryId" value={entryId} />}
      <FormMessage message={state.message} ok={state.ok} />
      <div className="adm-field adm-field-wide">
        <label htmlFor={`${p}-body`}>{entryId === undefined ? "直播内容" : "更正后的内容"}</label>
        <textarea {...field("body")} rows={4} defaultValue={values.body} />
        <p className="adm-field-hint">纯文本，最多 {LIVE_LIMITS.body} 个字；空行分段。</p>
        <FieldError id={`${p}-body-error`} errors={errors.body} />
      </div>
      <div className="adm-field">
        <label htmlFor={`${p}-quote`}>引语（可选）</label>
        <textarea {...field("quote")} rows={2} defaultValue={values.quote} />
        <FieldError id={`${p}-quote-error`} errors={errors.quote} />
      </div>
      <div className="adm-field">
        <label htmlFor={`${p}-quoteBy`}>引语出处（可选）</label>
        <input {...field("quoteBy")} type="text" defaultValue={values.quoteBy} />
        <FieldError id={`${p}-quoteBy-error`} errors={errors.quoteBy} />
      </div>
      <div className="adm-field">
        <label htmlFor={`${p}-imageId`}>图片（可选）</label>
        <select {...field("imageId")} defaultValue={values.imageId}>
          <option value="">不配图</option>
          {images.map((img) => (
            <option key={img.id} value={img.id}>
              #{img.id} {img.alt || img.caption || "（无说明）"}
            </option>
          ))}
        </select>
        <p className="adm-field-hint">最近上传的图片；新图片请先在稿件编辑页上传。</p>
        <FieldError id={`${p}-imageId-error`} errors={errors.imageId} />
      </div>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在发布…">{entryId === undefined ? "发布" : "保存更正"}</SubmitButton>
      </div>
    </form>
  );
}

/** Pin or unpin an entry, or remove it. */
export function EntryFlagForm({
  articleId,
  entryId,
  flag,
}: {
  articleId: number;
  entryId: number;
  flag: "pin" | "unpin" | "remove";
}) {
  const [state, formAction] = useActionState(liveEntryFlagAction, initialState);
  const label = { pin: "置顶", unpin: "取消置顶", remove: "删除" }[flag];
  return (
    <form action={formAction} className="adm-inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="entryId" value={entryId} />
      {flag === "pin" ? <input type="hidden" name="pin" value="1" /> : null}
      {flag === "remove" ? <input type="hidden" name="remove" value="1" /> : null}
      <SubmitButton
        className={flag === "remove" ? "adm-btn adm-btn-small adm-btn-danger" : "adm-btn adm-btn-small"}
        pendingText="…"
        label={`${label}条目 #${entryId}`}
      >
        {label}
      </SubmitButton>
      <FormMessage message={state.ok ? undefined : state.message} />
    </form>
  );
}
