"use client";
import { useActionState } from "react";
import { createRegionAction, type RegionFormState } from "@/lib/actions/admin/regions";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";

interface Props {
  /** Regions that can take a child: provinces (a city under them) and cities (a county). */
  parents: { id: number; label: string }[];
}

const initialState: RegionFormState = {};

export function RegionForm({ parents }: Props) {
  const [state, formAction] = useActionState(createRegionAction, initialState);
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <form action={formAction} className="admin-form" aria-labelledby="region-new-heading" noValidate>
      <h2 id="region-new-heading">添加地区</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="adm-field adm-field-wide">
        <label htmlFor="region-parent">上级地区</label>
        <select
          id="region-parent"
          name="parentId"
          // Remounted with the kept value: a form reset after the action would pick the first option.
          key={`parent-${values.parentId ?? ""}`}
          defaultValue={values.parentId ?? ""}
          aria-invalid={errors.parentId ? true : undefined}
          aria-describedby="region-parent-hint region-parent-error"
        >
          <option value="">（无：新的省份）</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <p id="region-parent-hint" className="adm-field-hint">
          选省份则添加城市，选城市则添加区县
        </p>
        <FieldError id="region-parent-error" errors={errors.parentId} />
      </div>
      <div className="adm-field">
        <label htmlFor="region-name">名称</label>
        <input
          id="region-name"
          name="name"
          type="text"
          defaultValue={values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby="region-name-error"
        />
        <FieldError id="region-name-error" errors={errors.name} />
      </div>
      <div className="adm-field">
        <label htmlFor="region-slug">地址（拼音）</label>
        <input
          id="region-slug"
          name="slug"
          type="text"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values.slug}
          aria-invalid={errors.slug ? true : undefined}
          aria-describedby="region-slug-hint region-slug-error"
        />
        <p id="region-slug-hint" className="adm-field-hint">
          城市主页的地址为 /region/省份拼音/城市拼音
        </p>
        <FieldError id="region-slug-error" errors={errors.slug} />
      </div>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在添加…">添加地区</SubmitButton>
      </div>
    </form>
  );
}
