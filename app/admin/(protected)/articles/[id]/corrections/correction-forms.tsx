"use client";
import { useActionState } from "react";
import {
  addCorrectionAction,
  removeCorrectionAction,
  type CorrectionFormState,
} from "@/lib/actions/admin/corrections";
import { CORRECTION_KINDS, CORRECTION_LABELS, CORRECTION_LIMITS } from "@/lib/corrections/rules";
import { FieldError, FormMessage, SubmitButton } from "../../../../_components/form-parts";

const initialState: CorrectionFormState = {};

/** A new 更正 or 更新说明; a refused one keeps what was typed, a published one empties the form. */
export function CorrectionForm({ articleId }: { articleId: number }) {
  const [state, formAction] = useActionState(addCorrectionAction, initialState);
  const errors = state.errors ?? {};
  const values = { kind: "correction", text: "", ...state.values };
  return (
    <form action={formAction} className="admin-form" noValidate>
      <input type="hidden" name="articleId" value={articleId} />
      <FormMessage message={state.message} ok={state.ok} />
      <fieldset className="adm-field" aria-describedby="correction-kind-error">
        <legend>类型</legend>
        {CORRECTION_KINDS.map((k) => (
          <label key={k} className="adm-check">
            <input type="radio" name="kind" value={k} defaultChecked={values.kind === k} />{" "}
            {CORRECTION_LABELS[k]}
          </label>
        ))}
        <FieldError id="correction-kind-error" errors={errors.kind} />
      </fieldset>
      <div className="adm-field adm-field-wide">
        <label htmlFor="correction-text">说明内容</label>
        <textarea
          id="correction-text"
          name="text"
          rows={4}
          defaultValue={values.text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby="correction-text-hint correction-text-error"
        />
        <p id="correction-text-hint" className="adm-field-hint">
          写明原文哪里有误、正确的是什么，或补充了什么；最多 {CORRECTION_LIMITS.text}{" "}
          个字。发布后显示在正文末尾，注明日期，并列入公开的“更正”页面。
        </p>
        <FieldError id="correction-text-error" errors={errors.text} />
      </div>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在发布…">发布说明</SubmitButton>
      </div>
    </form>
  );
}

/** Take one note down (the audit log keeps its words). */
export function RemoveCorrectionForm({
  articleId,
  correctionId,
}: {
  articleId: number;
  correctionId: number;
}) {
  const [state, formAction] = useActionState(removeCorrectionAction, initialState);
  return (
    <form action={formAction} className="adm-inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="correctionId" value={correctionId} />
      <SubmitButton
        className="adm-btn adm-btn-small adm-btn-danger"
        pendingText="…"
        label={`撤下说明 #${correctionId}`}
      >
        撤下
      </SubmitButton>
      <FormMessage message={state.ok ? undefined : state.message} />
    </form>
  );
}
