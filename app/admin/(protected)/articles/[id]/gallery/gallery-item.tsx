"use client";
import { useActionState } from "react";
import {
  changeGalleryOrderAction,
  updateGalleryItemAction,
  type GalleryItemState,
} from "@/lib/actions/admin/gallery";
import type { FormState } from "@/lib/forms/form-state";
import type { EditorGalleryItem } from "@/lib/data/galleries";
import { FieldError, FormMessage, SubmitButton } from "../../../../_components/form-parts";

const initialItem: GalleryItemState = {};
const initialOrder: FormState = {};

/** One gallery image: its caption and credit, and buttons to move it or take it out. */
export function GalleryItemRow({
  articleId,
  item,
  n,
  count,
}: {
  articleId: number;
  item: EditorGalleryItem;
  n: number;
  count: number;
}) {
  const [state, saveAction] = useActionState(
    updateGalleryItemAction.bind(null, articleId, item.id),
    initialItem,
  );
  const [order, orderAction] = useActionState(
    changeGalleryOrderAction.bind(null, articleId, item.id),
    initialOrder,
  );
  const errors = state.errors ?? {};
  const values = { caption: item.caption, credit: item.credit, ...state.values };
  const prefix = `gallery-${item.id}`;
  return (
    <li className="adm-gallery-item" aria-label={`第 ${n} 张`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a derivative thumbnail, as in the image picker */}
      <img
        src={item.image.thumb}
        alt={item.image.alt || item.caption || `第 ${n} 张`}
        width={160}
        height={Math.round((160 * item.image.height) / Math.max(1, item.image.width))}
      />
      <div>
        <form action={saveAction} className="admin-form" noValidate>
          <p className="adm-gallery-number">
            {n}/{count}
          </p>
          <div className="adm-field adm-field-wide">
            <label htmlFor={`${prefix}-caption`}>第 {n} 张的说明</label>
            <input
              id={`${prefix}-caption`}
              name="caption"
              type="text"
              defaultValue={values.caption}
              aria-invalid={errors.caption ? true : undefined}
              aria-describedby={`${prefix}-caption-error`}
            />
            <FieldError id={`${prefix}-caption-error`} errors={errors.caption} />
          </div>
          <div className="adm-field">
            <label htmlFor={`${prefix}-credit`}>第 {n} 张的来源</label>
            <input
              id={`${prefix}-credit`}
              name="credit"
              type="text"
              defaultValue={values.credit}
              aria-invalid={errors.credit ? true : undefined}
              aria-describedby={`${prefix}-credit-error`}
            />
            <FieldError id={`${prefix}-credit-error`} errors={errors.credit} />
          </div>
          <div className="adm-form-actions">
            <SubmitButton
              pendingText="正在保存…"
              className="adm-btn adm-btn-small adm-btn-primary"
              label={`保存第 ${n} 张`}
            >
              保存
            </SubmitButton>
            <FormMessage message={state.message} ok={state.ok} />
          </div>
        </form>
        <form action={orderAction} className="adm-inline-form">
          <button
            type="submit"
            name="op"
            value="up"
            className="adm-btn adm-btn-small"
            disabled={n === 1}
            aria-label={`第 ${n} 张上移`}
          >
            上移
          </button>
          <button
            type="submit"
            name="op"
            value="down"
            className="adm-btn adm-btn-small"
            disabled={n === count}
            aria-label={`第 ${n} 张下移`}
          >
            下移
          </button>
          <button
            type="submit"
            name="op"
            value="remove"
            className="adm-btn adm-btn-small adm-btn-danger"
            aria-label={`从图集移除第 ${n} 张`}
          >
            移除
          </button>
          <FormMessage message={order.message} ok={order.ok} />
        </form>
      </div>
    </li>
  );
}
