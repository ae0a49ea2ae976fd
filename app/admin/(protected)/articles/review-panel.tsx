"use client";
import { useActionState } from "react";
import { reviewArticleAction, type ReviewFormState } from "@/lib/actions/articles/review-article";
import { REVIEW_NOTE_MAX, type ReviewState } from "@/lib/workflow/rules";
import { FieldError, FormMessage } from "../../_components/form-parts";

interface Props {
  articleId: number;
  seenState: ReviewState;
  seenStep: number;
  /** The reviewer may approve this step (else only return: e.g. from 待签发, or a second step of theirs). */
  canApprove: boolean;
  approveLabel: string;
}

const initial: ReviewFormState = {};

/** 审核通过 / 退回修改 for the story's current step. The note goes to the writer with a return. */
export function ReviewPanel({ articleId, seenState, seenStep, canApprove, approveLabel }: Props) {
  const [state, action] = useActionState(reviewArticleAction, initial);
  const noteError = state.errors?.note;
  return (
    <form action={action} className="admin-form adm-review-form" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="seenState" value={seenState} />
      <input type="hidden" name="seenStep" value={seenStep} />
      <div className="adm-field">
        <label htmlFor="review-note">审核意见</label>
        <textarea
          id="review-note"
          name="note"
          rows={3}
          maxLength={REVIEW_NOTE_MAX}
          defaultValue={state.ok ? "" : (state.values?.note ?? "")}
          key={state.ok ? "sent" : "typing"}
          aria-invalid={noteError ? true : undefined}
          aria-describedby="review-note-hint review-note-error"
        />
        <p id="review-note-hint" className="adm-field-hint">
          退回修改时必填，写稿人会在“待我处理”中看到；通过时可不填。
        </p>
        <FieldError id="review-note-error" errors={noteError} />
      </div>
      <div className="adm-button-row">
        {canApprove ? (
          <button type="submit" name="action" value="approve" className="adm-btn adm-btn-primary">
            {approveLabel}
          </button>
        ) : null}
        <button type="submit" name="action" value="return" className="adm-btn adm-btn-danger">
          退回修改
        </button>
      </div>
    </form>
  );
}
