// The state every form's server action returns to useActionState (house style §5.5): one shape
// for the editor area's forms, specialised by the fields (`F`) and, where a form sends more than
// text, by what is put back into it (`V`; e.g. ArticleFormState in lib/articles/form-state.ts).

export interface FormState<F extends string = never, V = Partial<Record<F, string>>> {
  /** Messages per field, shown next to the field. */
  errors?: Partial<Record<F, string[]>>;
  /** One message for the whole form (failure, or confirmation when `ok`). */
  message?: string;
  ok?: boolean;
  /** What the user typed, put back into the fields after a failed submit (never passwords). */
  values?: V;
}

/** A text field of a FormData as typed (for `values`), bounded. */
export function typedValue(formData: FormData, name: string, max = 200): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
}
