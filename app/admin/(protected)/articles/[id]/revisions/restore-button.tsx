"use client";
import { useActionState } from "react";
import { restoreRevisionAction } from "@/lib/actions/articles/restore-revision";
import type { FormState } from "@/lib/forms/form-state";
import { FormMessage, SubmitButton } from "../../../../_components/form-parts";

const initialState: FormState = {};

export function RestoreButton({
  articleId,
  revisionId,
  label,
}: {
  articleId: number;
  revisionId: number;
  label: string;
}) {
  const [state, formAction] = useActionState(restoreRevisionAction, initialState);
  return (
    <form action={formAction} className="adm-inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton className="adm-btn adm-btn-small" pendingText="正在恢复…" label={label}>
        恢复此版本
      </SubmitButton>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}
