// What the article form's action returns to useActionState (house style §5.5).
import type { ArticleFieldErrors, ArticleFormValues } from "@/lib/articles/form";
import type { SensitiveHit } from "@/lib/sensitive/check";

export interface ArticleFormState {
  /** Messages per field, shown next to the field. */
  errors?: ArticleFieldErrors;
  /** One message for the whole form (failure, or confirmation when `ok`). */
  message?: string;
  ok?: boolean;
  /** Everything the editor sent (refusals) or what was saved (success), put back into the form. */
  values?: ArticleFormValues;
  /** updatedAt (ms) of the saved row, the form's next `version`. */
  version?: number;
  /** Sensitive words the refused save would have published, and whether this user may let them go. */
  sensitive?: { hits: SensitiveHit[]; canAcknowledge: boolean };
}

/** State of the small forms (delete, restore, moderation, channels). */
export interface ActionState<F extends string = never> {
  ok?: boolean;
  message?: string;
  errors?: Partial<Record<F, string[]>>;
  values?: Partial<Record<F, string>>;
}
