"use client";
import { useActionState } from "react";
import { createUserAction, type CreateUserState } from "@/lib/actions/auth/create-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { ChannelOption } from "@/lib/data/admin-articles";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";
import { DeskCheckboxes } from "./desks-form";

const initialState: CreateUserState = {};

export function CreateUserForm({ channels }: { channels: ChannelOption[] }) {
  const [state, formAction] = useActionState(createUserAction, initialState);
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <form action={formAction} className="admin-form adm-grid-2" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="adm-field">
        <label htmlFor="new-username">用户名</label>
        <input
          id="new-username"
          name="username"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={32}
          defaultValue={values.username ?? ""}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby="new-username-hint new-username-error"
        />
        <p id="new-username-hint" className="adm-field-hint">
          登录用，小写字母、数字和 _ . -
        </p>
        <FieldError id="new-username-error" errors={errors.username} />
      </div>
      <div className="adm-field">
        <label htmlFor="new-display-name">显示名</label>
        <input
          id="new-display-name"
          name="displayName"
          type="text"
          maxLength={40}
          defaultValue={values.displayName ?? ""}
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby="new-display-name-error"
        />
        <FieldError id="new-display-name-error" errors={errors.displayName} />
      </div>
      <div className="adm-field">
        <label htmlFor="new-role">角色</label>
        <select
          id="new-role"
          name="role"
          // key: a changed default must re-mount the select, React does not reset it otherwise.
          key={values.role ?? "editor"}
          defaultValue={values.role ?? "editor"}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby="new-role-error"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <FieldError id="new-role-error" errors={errors.role} />
      </div>
      <div className="adm-field">
        <label htmlFor="new-user-password">初始密码</label>
        <input
          id="new-user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby="new-user-password-hint new-user-password-error"
        />
        <p id="new-user-password-hint" className="adm-field-hint">
          至少 {PASSWORD_MIN_LENGTH} 个字符；请当面或通过安全渠道告知对方，并请其登录后修改。
        </p>
        <FieldError id="new-user-password-error" errors={errors.password} />
      </div>
      <DeskCheckboxes channels={channels} />
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在创建…">创建用户</SubmitButton>
      </div>
    </form>
  );
}
