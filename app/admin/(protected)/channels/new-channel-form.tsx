"use client";
import { useActionState } from "react";
import { createChannelAction, type NewChannelFormState } from "@/lib/actions/admin/regions";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";

interface Props {
  /** Cities and counties, labelled with their path. */
  regions: { id: number; label: string }[];
}

const initialState: NewChannelFormState = {};

export function NewChannelForm({ regions }: Props) {
  const [state, formAction] = useActionState(createChannelAction, initialState);
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const p = "channel-new";
  return (
    <form action={formAction} className="admin-form" aria-labelledby={`${p}-heading`} noValidate>
      <h2 id={`${p}-heading`}>新建频道</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="adm-field adm-field-wide">
        <label htmlFor={`${p}-region`}>所属地区</label>
        <select
          id={`${p}-region`}
          name="regionId"
          // Remounted with the kept value: a form reset after the action would pick the first option.
          key={`region-${values.regionId ?? ""}`}
          defaultValue={values.regionId ?? ""}
          aria-invalid={errors.regionId ? true : undefined}
          aria-describedby={`${p}-region-hint ${p}-region-error`}
        >
          <option value="">请选择城市或区县</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
        <p id={`${p}-region-hint`} className="adm-field-hint">
          频道显示在所属城市的频道栏和城市主页上
        </p>
        <FieldError id={`${p}-region-error`} errors={errors.regionId} />
      </div>
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
          aria-describedby={`${p}-slug-error`}
        />
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
          defaultValue={values.sortOrder ?? "100"}
          aria-invalid={errors.sortOrder ? true : undefined}
          aria-describedby={`${p}-order-error`}
        />
        <FieldError id={`${p}-order-error`} errors={errors.sortOrder} />
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
        <SubmitButton pendingText="正在新建…">新建频道</SubmitButton>
      </div>
    </form>
  );
}
