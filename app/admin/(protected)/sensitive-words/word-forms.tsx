"use client";
import { useActionState } from "react";
import {
  addWordsAction,
  checkTextAction,
  removeWordsAction,
  type CheckState,
  type WordsFormState,
} from "@/lib/actions/admin/sensitive-words";
import { WORD_KINDS, WORD_KIND_LABELS, WORD_LIMITS } from "@/lib/sensitive/rules";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";
import { SensitiveHits } from "../../_components/sensitive-hits";

const initial: WordsFormState = {};

/** Paste a list into one of the two lists. */
export function AddWordsForm() {
  const [state, formAction] = useActionState(addWordsAction, initial);
  const errors = state.errors ?? {};
  const values = { kind: "block", category: "", words: "", ...state.values };
  return (
    <form action={formAction} className="admin-form" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <fieldset className="adm-field" aria-describedby="words-kind-error">
        <legend>加入</legend>
        {WORD_KINDS.map((k) => (
          <label key={k} className="adm-check">
            <input type="radio" name="kind" value={k} defaultChecked={values.kind === k} />{" "}
            {WORD_KIND_LABELS[k]}
          </label>
        ))}
        <FieldError id="words-kind-error" errors={errors.kind} />
      </fieldset>
      <div className="adm-field">
        <label htmlFor="words-category">分类（可选）</label>
        <input
          id="words-category"
          name="category"
          type="text"
          defaultValue={values.category}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby="words-category-error"
        />
        <FieldError id="words-category-error" errors={errors.category} />
      </div>
      <div className="adm-field adm-field-wide">
        <label htmlFor="words-words">词语</label>
        <textarea
          id="words-words"
          name="words"
          rows={6}
          defaultValue={values.words}
          aria-invalid={errors.words ? true : undefined}
          aria-describedby="words-words-hint words-words-error"
        />
        <p id="words-words-hint" className="adm-field-hint">
          每行一个，或用逗号、顿号分隔；每个最多 {WORD_LIMITS.word} 个字，一次最多 {WORD_LIMITS.perSubmit}{" "}
          个。全角字母数字与大小写视为相同。白名单写包含敏感词、但可以使用的完整说法（如“打击赌博”）。
        </p>
        <FieldError id="words-words-error" errors={errors.words} />
      </div>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在添加…">添加</SubmitButton>
      </div>
    </form>
  );
}

/** One row's delete button. */
export function RemoveWordForm({ id, word }: { id: number; word: string }) {
  const [state, formAction] = useActionState(removeWordsAction, initial);
  return (
    <form action={formAction} className="adm-inline-form">
      <input type="hidden" name="remove" value={id} />
      <SubmitButton className="adm-btn adm-btn-small adm-btn-danger" pendingText="…" label={`删除“${word}”`}>
        删除
      </SubmitButton>
      <FormMessage message={state.ok ? undefined : state.message} />
    </form>
  );
}

const noCheck: CheckState = {};

/** Paste any text and see what the check before publishing would list. */
export function CheckTextForm() {
  const [state, formAction] = useActionState(checkTextAction, noCheck);
  return (
    <form action={formAction} className="admin-form" noValidate>
      <FormMessage message={state.message} />
      <div className="adm-field adm-field-wide">
        <label htmlFor="check-text">要检查的文字</label>
        <textarea id="check-text" name="text" rows={5} defaultValue={state.text ?? ""} />
      </div>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在检查…">检查</SubmitButton>
      </div>
      {state.hits ? <SensitiveHits hits={state.hits} /> : null}
    </form>
  );
}
