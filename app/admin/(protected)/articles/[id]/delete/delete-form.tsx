"use client";
import { useActionState } from "react";
import { deleteArticleAction } from "@/lib/actions/articles/delete-article";
import type { FormState } from "@/lib/forms/form-state";
import { FormMessage, SubmitButton } from "../../../../_components/form-parts";

const initialState: FormState = {};

export function DeleteForm({ articleId }: { articleId: number }) {
  const [state, formAction] = useActionState(deleteArticleAction, initialState);
  return (
    <form action={formAction} className="adm-inline-form">
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="confirm" value="yes" />
      <SubmitButton className="adm-btn adm-btn-danger" pendingText="正在删除…">
        确认删除
      </SubmitButton>
    </form>
  );
}
