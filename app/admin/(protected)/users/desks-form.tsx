"use client";
import { useActionState } from "react";
import { setUserDesksAction, type SetUserDesksState } from "@/lib/actions/auth/set-user-desks";
import type { ChannelOption } from "@/lib/data/admin-articles";
import { FormMessage, SubmitButton } from "../../_components/form-parts";

interface Props {
  user: { id: number; username: string; channels: number[] };
  channels: ChannelOption[];
}

const initial: SetUserDesksState = {};

/** The channels a reporter or editor works for, ticked; none ticked means every channel. */
export function DesksForm({ user, channels }: Props) {
  const [state, action] = useActionState(setUserDesksAction, initial);
  return (
    <details className="adm-desks">
      <summary>修改频道</summary>
      <form action={action} className="admin-form">
        <input type="hidden" name="userId" value={user.id} />
        <fieldset className="adm-fieldset">
          <legend>负责频道（{user.username}；都不选即全部频道）</legend>
          <div className="adm-check-grid">
            {channels.map((c) => (
              <label key={c.id} className="adm-check">
                <input
                  type="checkbox"
                  name="channels"
                  value={c.id}
                  defaultChecked={user.channels.includes(c.id)}
                  key={`${c.id}-${user.channels.includes(c.id)}`}
                />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
        <SubmitButton
          className="adm-btn adm-btn-small"
          pendingText="保存中…"
          label={`保存频道（${user.username}）`}
        >
          保存频道
        </SubmitButton>
        <FormMessage message={state.message} ok={state.ok} />
      </form>
    </details>
  );
}

/** The desk fieldset of the new-user form. */
export function DeskCheckboxes({ channels }: { channels: ChannelOption[] }) {
  return (
    <fieldset className="adm-fieldset">
      <legend>负责频道（记者、编辑；都不选即全部频道）</legend>
      <div className="adm-check-grid">
        {channels.map((c) => (
          <label key={c.id} className="adm-check">
            <input type="checkbox" name="channels" value={c.id} />
            {c.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
