"use client";
import { useActionState } from "react";
import {
  removeBannerAction,
  setBannerAction,
  type BannerFormState,
} from "@/lib/actions/admin/breaking-banner";
import { BANNER_LIMITS, type BannerFormValues } from "@/lib/banner/rules";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";

const initialState: BannerFormState = {};

/** Set or replace the banner. A refusal keeps everything typed and names the field at fault. */
export function BannerForm({ initial }: { initial: BannerFormValues }) {
  const [state, formAction] = useActionState(setBannerAction, initialState);
  const errors = state.errors ?? {};
  const values = { ...initial, ...state.values };
  return (
    <form action={formAction} className="admin-form" aria-labelledby="banner-form-heading" noValidate>
      <h2 id="banner-form-heading">设置突发横幅</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="adm-field adm-field-wide">
        <label htmlFor="banner-text">横幅文字</label>
        <input
          id="banner-text"
          name="text"
          type="text"
          defaultValue={values.text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby="banner-text-hint banner-text-error"
        />
        <p id="banner-text-hint" className="adm-field-hint">
          一句话，最多 {BANNER_LIMITS.text} 个字，显示在每个页面的页头下方。
        </p>
        <FieldError id="banner-text-error" errors={errors.text} />
      </div>
      <div className="adm-field adm-field-wide">
        <label htmlFor="banner-article">链接的稿件</label>
        <input
          id="banner-article"
          name="article"
          type="text"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values.article}
          aria-invalid={errors.article ? true : undefined}
          aria-describedby="banner-article-hint banner-article-error"
        />
        <p id="banner-article-hint" className="adm-field-hint">
          稿件编号或地址，如 123 或 /liujiang/123；稿件须已发布。
        </p>
        <FieldError id="banner-article-error" errors={errors.article} />
      </div>
      <div className="adm-field">
        <label htmlFor="banner-ends-at">结束时间（北京时间）</label>
        <input
          id="banner-ends-at"
          name="endsAt"
          type="datetime-local"
          defaultValue={values.endsAt}
          aria-invalid={errors.endsAt ? true : undefined}
          aria-describedby="banner-ends-at-hint banner-ends-at-error"
        />
        <p id="banner-ends-at-hint" className="adm-field-hint">
          到时自动消失；最长 7 天。
        </p>
        <FieldError id="banner-ends-at-error" errors={errors.endsAt} />
      </div>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在发布…">发布横幅</SubmitButton>
      </div>
    </form>
  );
}

/** Remove the current banner at once. */
export function RemoveBannerForm() {
  const [state, formAction] = useActionState(removeBannerAction, initialState);
  return (
    <form action={formAction} className="adm-inline-form">
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton className="adm-btn adm-btn-danger" pendingText="正在撤下…">
        撤下横幅
      </SubmitButton>
    </form>
  );
}
