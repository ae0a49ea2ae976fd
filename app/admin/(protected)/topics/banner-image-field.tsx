"use client";
import { useRef, useState } from "react";
import type { AdminImage } from "@/lib/data/admin-images";
import { FieldError } from "../../_components/form-parts";

type UploadAnswer = { ok: true; image: AdminImage } | { ok: false; message: string };

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
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const upload = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ text: "请先选择图片文件", ok: false });
    if (alt.trim() === "") return setMessage({ text: "请先填写图片的替代文字", ok: false });
    const body = new FormData();
    body.set("file", file);
    body.set("alt", alt);
    body.set("caption", "");
    body.set("credit", "");
    setUploading(true);
    setMessage(null);
    try {
      const response = await fetch("/admin/api/images", { method: "POST", body });
      const answer = (await response.json().catch(() => null)) as UploadAnswer | null;
      if (!answer) setMessage({ text: `上传失败（${response.status}），请重试`, ok: false });
      else if (!answer.ok) setMessage({ text: answer.message, ok: false });
      else {
        setImage(answer.image);
        setMessage({ text: "图片已上传并设为专题题图", ok: true });
        if (fileRef.current) fileRef.current.value = "";
      }
    } catch {
      setMessage({ text: "上传失败，请检查网络后重试", ok: false });
    } finally {
      setUploading(false);
    }
  };

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
      {recentImages.length > 0 ? (
        <details className="adm-image-picker">
          <summary>从图库选择</summary>
          <ul aria-label="最近上传的图片">
            {recentImages.map((img) => (
              <li key={img.id}>
                <button
                  type="button"
                  onClick={() => setImage(img)}
                  aria-pressed={image?.id === img.id}
                  aria-label={`选用图片 #${img.id}${img.caption ? `：${img.caption}` : ""}`}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- thumbnails of our own derivatives */}
                  <img
                    src={img.thumb}
                    alt=""
                    loading="lazy"
                    width={120}
                    height={Math.round((120 * img.height) / img.width)}
                  />
                  <span>{img.caption || img.alt || `#${img.id}`}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}
