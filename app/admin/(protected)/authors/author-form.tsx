"use client";
import { useActionState, useRef, useState } from "react";
import { createAuthorAction, updateAuthorAction, type AuthorFormState } from "@/lib/actions/admin/authors";
import { AUTHOR_LIMITS } from "@/lib/authors/rules";
import type { AdminAuthor } from "@/lib/data/admin-authors";
import type { AdminImage } from "@/lib/data/admin-images";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";
import { useImageUpload } from "../../_components/image-upload";

const initialState: AuthorFormState = {};

/**
 * Create or edit a reporter's profile. The photo is sent at once to the image upload endpoint (the
 * same checks as lead images) and only its id goes with the form. A refusal keeps everything typed.
 */
export function AuthorForm({ author }: { author: AdminAuthor | null }) {
  const [state, formAction] = useActionState(author ? updateAuthorAction : createAuthorAction, initialState);
  const errors = state.errors ?? {};
  const values = {
    name: author?.name ?? "",
    slug: author?.slug ?? "",
    desk: author?.desk ?? "",
    bio: author?.bio ?? "",
    ...state.values,
  };
  const [photo, setPhoto] = useState<AdminImage | null>(author?.photo ?? null);
  const nameRef = useRef<HTMLInputElement>(null);
  const { fileRef, uploading, message, upload } = useImageUpload({
    noFile: "请先选择照片文件",
    texts: () => ({ alt: nameRef.current?.value ?? "" }),
    onUploaded: (uploaded) => {
      setPhoto(uploaded);
      return "照片已上传，保存后生效";
    },
  });

  return (
    <form
      action={formAction}
      className="admin-form"
      aria-label={author ? "编辑记者资料" : "新建记者资料"}
      noValidate
    >
      {author ? <input type="hidden" name="id" value={author.id} /> : null}
      <FormMessage message={state.message} ok={state.ok} />
      <div className="adm-field">
        <label htmlFor="author-name">姓名</label>
        <input
          id="author-name"
          ref={nameRef}
          name="name"
          type="text"
          defaultValue={values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby="author-name-hint author-name-error"
        />
        <p id="author-name-hint" className="adm-field-hint">
          与稿件署名中的写法完全一致，如“韦莉”；署名写到这个姓名的稿件会链接到记者页面。
        </p>
        <FieldError id="author-name-error" errors={errors.name} />
      </div>
      <div className="adm-field">
        <label htmlFor="author-slug">页面地址</label>
        <input
          id="author-slug"
          name="slug"
          type="text"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values.slug}
          aria-invalid={errors.slug ? true : undefined}
          aria-describedby="author-slug-hint author-slug-error"
        />
        <p id="author-slug-hint" className="adm-field-hint">
          姓名的拼音，小写字母、数字或 -，如 wei-li；页面为 /author/wei-li。
        </p>
        <FieldError id="author-slug-error" errors={errors.slug} />
      </div>
      <div className="adm-field">
        <label htmlFor="author-desk">部门</label>
        <input
          id="author-desk"
          name="desk"
          type="text"
          defaultValue={values.desk}
          aria-invalid={errors.desk ? true : undefined}
          aria-describedby="author-desk-hint author-desk-error"
        />
        <p id="author-desk-hint" className="adm-field-hint">
          如 柳州新闻部、柳江新闻；最多 {AUTHOR_LIMITS.desk} 个字，可不填。
        </p>
        <FieldError id="author-desk-error" errors={errors.desk} />
      </div>
      <div className="adm-field adm-field-wide">
        <label htmlFor="author-bio">简介</label>
        <textarea
          id="author-bio"
          name="bio"
          rows={4}
          defaultValue={values.bio}
          aria-invalid={errors.bio ? true : undefined}
          aria-describedby="author-bio-hint author-bio-error"
        />
        <p id="author-bio-hint" className="adm-field-hint">
          最多 {AUTHOR_LIMITS.bio} 个字，可不填。
        </p>
        <FieldError id="author-bio-error" errors={errors.bio} />
      </div>
      <fieldset className="adm-fieldset">
        <legend>照片</legend>
        <input type="hidden" name="photoId" value={photo ? String(photo.id) : ""} />
        {photo ? (
          <div className="adm-lead-current">
            {/* eslint-disable-next-line @next/next/no-img-element -- our own derivative, see LeadImage */}
            <img src={photo.thumb} alt="" width={96} height={Math.round((96 * photo.height) / photo.width)} />
            <button type="button" className="adm-btn adm-btn-small" onClick={() => setPhoto(null)}>
              移除照片
            </button>
          </div>
        ) : (
          <p className="adm-muted">未设置照片。</p>
        )}
        <FieldError id="author-photo-error" errors={errors.photoId} />
        <div className="adm-upload-row">
          <label htmlFor="author-photo-file">选择照片文件</label>
          <input
            id="author-photo-file"
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby="author-photo-hint author-photo-message"
          />
          <button type="button" className="adm-btn adm-btn-small" onClick={upload} disabled={uploading}>
            {uploading ? "正在上传…" : "上传照片"}
          </button>
          <p id="author-photo-hint" className="adm-field-hint">
            JPEG、PNG 或 WebP，不超过 8 MB；读者页面显示为圆形头像。
          </p>
          <p
            id="author-photo-message"
            className={message?.ok ? "adm-field-ok" : "adm-field-error"}
            aria-live="polite"
          >
            {message?.text}
          </p>
        </div>
      </fieldset>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在保存…">{author ? "保存" : "创建"}</SubmitButton>
      </div>
    </form>
  );
}
