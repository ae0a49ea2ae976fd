// The state every admin form action returns to useActionState (house style §5.5).

export interface FormState<F extends string = string> {
  /** Messages per field, shown next to the field. */
  errors?: Partial<Record<F, string[]>>;
  /** One message for the whole form (failure, or confirmation when `ok`). */
  message?: string;
  ok?: boolean;
  /** What the user typed, put back into the fields after a failed submit (never passwords). */
  values?: Partial<Record<F, string>>;
}

/** A text field of a FormData as typed (for `values`), bounded. */
export function typedValue(formData: FormData, name: string, max = 200): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
}
