"use client";
import { useActionState, useId } from "react";
import { setUserDisabledAction, type SetUserDisabledState } from "@/lib/actions/auth/set-user-disabled";
import { setUserRoleAction, type SetUserRoleState } from "@/lib/actions/auth/set-user-role";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { FormMessage, SubmitButton } from "../../_components/form-parts";

interface Props {
  user: { id: number; username: string; role: Role; disabled: boolean };
}

const initialRole: SetUserRoleState = {};
const initialDisabled: SetUserDisabledState = {};

export function UserRowActions({ user }: Props) {
  const [roleState, roleAction] = useActionState(setUserRoleAction, initialRole);
  const [disabledState, disabledAction] = useActionState(setUserDisabledAction, initialDisabled);
  const roleSelectId = useId();
  return (
    <div className="adm-row-actions">
      <form action={roleAction} className="adm-inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={roleSelectId} className="adm-visually-hidden">
          {user.username} 的角色
        </label>
        <select id={roleSelectId} name="role" defaultValue={user.role} key={user.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <SubmitButton
          className="adm-btn adm-btn-small"
          pendingText="保存中…"
          label={`保存角色（${user.username}）`}
        >
          保存角色
        </SubmitButton>
      </form>
      <form action={disabledAction} className="adm-inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <SubmitButton
          className={user.disabled ? "adm-btn adm-btn-small" : "adm-btn adm-btn-small adm-btn-danger"}
          pendingText="处理中…"
          label={`${user.disabled ? "启用" : "停用"} ${user.username}`}
        >
          {user.disabled ? "启用" : "停用"}
        </SubmitButton>
      </form>
      <FormMessage message={roleState.message} ok={roleState.ok} />
      <FormMessage message={disabledState.message} ok={disabledState.ok} />
    </div>
  );
}
