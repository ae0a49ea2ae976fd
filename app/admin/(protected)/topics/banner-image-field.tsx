"use client";
import { useState } from "react";
import type { AdminImage } from "@/lib/data/admin-images";
import { FieldError } from "../../_components/form-parts";
import { RecentImagePicker, useImageUpload } from "../../_components/image-upload";

/**
 * The topic's banner image: uploaded at once to the same endpoint as lead images (same checks), or
 * picked from the recent ones. Only its id is sent with the form; its alt text belongs to the image.
 */
export function BannerImageField({
  initialId,
  initialImage,
  recentImages,
  errors,
}: {
  initialId: string;
  initialImage: AdminImage | null;
  recentImages: AdminImage[];
  errors: string[] | undefined;
}) {
  const [image, setImage] = useState<AdminImage | null>(
    initialImage && String(initialImage.id) === initialId
      ? initialImage
      : (recentImages.find((i) => String(i.id) === initialId) ?? null),
  );
  const [alt, setAlt] = useState("");
  const { fileRef, uploading, message, upload } = useImageUpload({
    noFile: "请先选择图片文件",
    refuse: () => (alt.trim() === "" ? "请先填写图片的替代文字" : null),
    texts: () => ({ alt }),
    onUploaded: (uploaded) => {
      setImage(uploaded);
      return "图片已上传并设为专题题图";
    },
  });

  return (
    <fieldset className="adm-fieldset adm-lead-image">
      <legend>专题题图</legend>
      <input type="hidden" name="bannerImageId" value={image ? String(image.id) : ""} />
      {image ? (
        <div className="adm-lead-current">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own derivative, see LeadImage */}
          <img src={image.thumb} alt="" width={160} height={Math.round((160 * image.height) / image.width)} />
          <div>
            <p className="adm-muted">
              当前题图：#{image.id}（{image.alt || "无替代文字"}）
            </p>
            <button type="button" className="adm-btn adm-btn-small" onClick={() => setImage(null)}>
              移除题图
            </button>
          </div>
        </div>
      ) : (
        <p className="adm-muted">未设置题图（可不设）。</p>
      )}
      <FieldError id="topic-image-error" errors={errors} />
      <div className="adm-upload-row">
        <label htmlFor="topic-image-file">选择图片文件</label>
        <input id="topic-image-file" ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp" />
        <label htmlFor="topic-image-alt">替代文字</label>
        <input id="topic-image-alt" type="text" value={alt} onChange={(e) => setAlt(e.target.value)} />
        <button type="button" className="adm-btn adm-btn-small" onClick={upload} disabled={uploading}>
          {uploading ? "正在上传…" : "上传图片"}
        </button>
        <p className={message?.ok ? "adm-field-ok" : "adm-field-error"} aria-live="polite">
          {message?.text}
        </p>
      </div>
      <RecentImagePicker images={recentImages} selectedId={image?.id ?? null} onPick={setImage} />
    </fieldset>
  );
}
