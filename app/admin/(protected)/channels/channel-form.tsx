"use client";
import { useActionState } from "react";
import { updateChannelAction, type ChannelFormState } from "@/lib/actions/admin/update-channel";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";

interface Props {
  channel: { id: number; name: string; slug: string; sortOrder: number; slogan: string; reviewSteps: number };
  oldSlugs: string[];
  meta: string;
}

const initialState: ChannelFormState = {};

export function ChannelForm({ channel, oldSlugs, meta }: Props) {
  const [state, formAction] = useActionState(updateChannelAction, initialState);
  const errors = state.errors ?? {};
  const values = state.values ?? {
    name: channel.name,
    slug: channel.slug,
    sortOrder: String(channel.sortOrder),
    slogan: channel.slogan,
    reviewSteps: String(channel.reviewSteps),
  };
  const p = `channel-${channel.id}`;
  return (
    <form
      action={formAction}
      className="admin-form adm-channel-form"
      aria-labelledby={`${p}-heading`}
      noValidate
    >
      <h3 id={`${p}-heading`}>
        {channel.name}{" "}
        <span className="adm-muted">
          （/{channel.slug}，{meta}）
        </span>
      </h3>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="id" value={channel.id} />
      <div className="adm-field">
        <label htmlFor={`${p}-name`}>名称</label>
        <input
          id={`${p}-name`}
          name="name"
          type="text"
          defaultValue={values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={`${p}-name-error`}
        />
        <FieldError id={`${p}-name-error`} errors={errors.name} />
      </div>
      <div className="adm-field">
        <label htmlFor={`${p}-slug`}>地址（拼音）</label>
        <input
          id={`${p}-slug`}
          name="slug"
          type="text"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values.slug}
          aria-invalid={errors.slug ? true : undefined}
          aria-describedby={`${p}-slug-hint ${p}-slug-error`}
        />
        <p id={`${p}-slug-hint`} className="adm-field-hint">
          {oldSlugs.length
            ? `旧地址（自动跳转）：${oldSlugs.map((s) => `/${s}`).join("、")}`
            : "改名后旧地址会自动跳转"}
        </p>
        <FieldError id={`${p}-slug-error`} errors={errors.slug} />
      </div>
      <div className="adm-field">
        <label htmlFor={`${p}-order`}>顺序</label>
        <input
          id={`${p}-order`}
          name="sortOrder"
          type="number"
          min={0}
          max={9999}
          step={1}
          defaultValue={values.sortOrder}
          aria-invalid={errors.sortOrder ? true : undefined}
          aria-describedby={`${p}-order-hint ${p}-order-error`}
        />
        <p id={`${p}-order-hint`} className="adm-field-hint">
          数字小的排在频道栏前面
        </p>
        <FieldError id={`${p}-order-error`} errors={errors.sortOrder} />
      </div>
      <div className="adm-field">
        <label htmlFor={`${p}-steps`}>审核级数</label>
        <select
          id={`${p}-steps`}
          name="reviewSteps"
          key={values.reviewSteps}
          defaultValue={values.reviewSteps}
          aria-invalid={errors.reviewSteps ? true : undefined}
          aria-describedby={`${p}-steps-hint ${p}-steps-error`}
        >
          <option value="1">一审</option>
          <option value="2">二审</option>
          <option value="3">三审</option>
        </select>
        <p id={`${p}-steps-hint`} className="adm-field-hint">
          记者稿件签发前须经过的审核步骤
        </p>
        <FieldError id={`${p}-steps-error`} errors={errors.reviewSteps} />
      </div>
      <div className="adm-field adm-field-wide">
        <label htmlFor={`${p}-slogan`}>口号</label>
        <input
          id={`${p}-slogan`}
          name="slogan"
          type="text"
          defaultValue={values.slogan}
          aria-invalid={errors.slogan ? true : undefined}
          aria-describedby={`${p}-slogan-error`}
        />
        <FieldError id={`${p}-slogan-error`} errors={errors.slogan} />
      </div>
      <div className="adm-form-actions">
        <SubmitButton
          className="adm-btn adm-btn-primary"
          pendingText="正在保存…"
          label={`保存频道 ${channel.name}`}
        >
          保存
        </SubmitButton>
      </div>
    </form>
  );
}
