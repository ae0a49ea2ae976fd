"use client";
import { useActionState } from "react";
import { changePassword, type ChangePasswordState } from "@/lib/actions/auth/change-password";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";

const initialState: ChangePasswordState = {};

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePassword, initialState);
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="admin-form adm-narrow" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="adm-field">
        <label htmlFor="current-password">当前密码</label>
        <input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.currentPassword ? true : undefined}
          aria-describedby="current-password-error"
        />
        <FieldError id="current-password-error" errors={errors.currentPassword} />
      </div>
      <div className="adm-field">
        <label htmlFor="new-password">新密码</label>
        <input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-invalid={errors.newPassword ? true : undefined}
          aria-describedby="new-password-hint new-password-error"
        />
        <p id="new-password-hint" className="adm-field-hint">
          至少 {PASSWORD_MIN_LENGTH} 个字符。
        </p>
        <FieldError id="new-password-error" errors={errors.newPassword} />
      </div>
      <div className="adm-field">
        <label htmlFor="confirm-password">再次输入新密码</label>
        <input
          id="confirm-password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors.confirmPassword ? true : undefined}
          aria-describedby="confirm-password-error"
        />
        <FieldError id="confirm-password-error" errors={errors.confirmPassword} />
      </div>
      <SubmitButton pendingText="正在保存…">修改密码</SubmitButton>
    </form>
  );
}
