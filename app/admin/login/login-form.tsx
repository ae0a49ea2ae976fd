"use client";
import { useActionState } from "react";
import { login, type LoginState } from "@/lib/actions/auth/login";
import { FieldError, FormMessage, SubmitButton } from "../_components/form-parts";

const initialState: LoginState = {};

export function LoginForm({ next }: { next: string }) {
  const [state, formAction] = useActionState(login, initialState);
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="admin-form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <div className="adm-field">
        <label htmlFor="login-username">用户名</label>
        <input
          id="login-username"
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={64}
          // After a failed attempt React resets the form; this puts the typed name back.
          defaultValue={state.values?.username ?? ""}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby="login-username-error"
        />
        <FieldError id="login-username-error" errors={errors.username} />
      </div>
      <div className="adm-field">
        <label htmlFor="login-password">密码</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby="login-password-error"
        />
        <FieldError id="login-password-error" errors={errors.password} />
      </div>
      <SubmitButton pendingText="正在登录…">登录</SubmitButton>
    </form>
  );
}
