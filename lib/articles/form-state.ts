// What the article form's action returns to useActionState: the common FormState, with everything
// the editor sent (booleans too) put back, and what only the story form needs.
import type { ArticleField, ArticleFormValues } from "@/lib/articles/form";
import type { FormState } from "@/lib/forms/form-state";
import type { SensitiveHit } from "@/lib/sensitive/check";

export interface ArticleFormState extends FormState<ArticleField, ArticleFormValues> {
  /** updatedAt (ms) of the saved row, the form's next `version`. */
  version?: number;
  /** Sensitive words the refused save would have published, and whether this user may let them go. */
  sensitive?: { hits: SensitiveHit[]; canAcknowledge: boolean };
}
