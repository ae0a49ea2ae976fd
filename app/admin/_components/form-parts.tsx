"use client";
import { useFormStatus } from "react-dom";

/** Errors of one field. Always rendered, so screen readers already watch the live region. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <p id={id} className="adm-field-error" aria-live="polite">
      {errors?.join("；")}
    </p>
  );
}

/** The form's overall message: a failure, or a confirmation when `ok`. */
export function FormMessage({ message, ok }: { message: string | undefined; ok?: boolean }) {
  return (
    <p className={ok ? "adm-form-message adm-ok" : "adm-form-message"} aria-live="polite">
      {message}
    </p>
  );
}

interface SubmitButtonProps {
  children: string;
  pendingText: string;
  className?: string;
  /** Full name for buttons repeated per table row, e.g. "停用 zhangsan". */
  label?: string;
}

export function SubmitButton({ children, pendingText, className, label }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={className ?? "adm-btn adm-btn-primary"}
      disabled={pending}
      aria-label={label}
    >
      {pending ? pendingText : children}
    </button>
  );
}
