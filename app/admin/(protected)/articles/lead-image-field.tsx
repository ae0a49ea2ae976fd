"use client";
import { useRef, useState } from "react";
import type { ArticleFieldErrors, ArticleFormValues } from "@/lib/articles/form";
import { LIMITS } from "@/lib/articles/limits";
import type { AdminImage } from "@/lib/data/admin-images";
import { FieldError } from "../../_components/form-parts";

interface Props {
  initialImage: AdminImage | null;
  recentImages: AdminImage[];
  values: ArticleFormValues;
  errors: ArticleFieldErrors;
}

type UploadAnswer = { ok: true; image: AdminImage } | { ok: false; message: string };

const UPLOAD_URL = "/admin/api/images";

/**
 * The lead image: upload a new one (sent at once to the upload endpoint, not with the form: images
 * may be larger than a server action accepts) or pick a recent one; alt text and caption are
 * required once an image is set. Only `leadImageId` and the three texts are sent with the form.
 */
export function LeadImageField({ initialImage, recentImages, values, errors }: Props) {
  const [imageId, setImageId] = useState(values.leadImageId);
  const [image, setImage] = useState<AdminImage | null>(
    initialImage && String(initialImage.id) === values.leadImageId
      ? initialImage
      : (recentImages.find((i) => String(i.id) === values.leadImageId) ?? null),
  );
  const [alt, setAlt] = useState(values.leadImageAlt);
  const [caption, setCaption] = useState(values.leadImageCaption);
  const [credit, setCredit] = useState(values.leadImageCredit);
  const [uploading, setUploading] = useState(false);
  const [uploadMessage, setUploadMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const choose = (img: AdminImage) => {
    setImageId(String(img.id));
    setImage(img);
    // The image's stored texts; the editor may change them (they are saved with the story).
    setAlt(img.alt);
    setCaption(img.caption);
    setCredit(img.credit);
  };

  const upload = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setUploadMessage({ text: "请先选择图片文件", ok: false });
      return;
    }
    const body = new FormData();
    body.set("file", file);
    body.set("alt", alt);
    body.set("caption", caption);
    body.set("credit", credit);
    setUploading(true);
    setUploadMessage(null);
    try {
      const response = await fetch(UPLOAD_URL, { method: "POST", body });
      const answer = (await response.json().catch(() => null)) as UploadAnswer | null;
      if (!answer) {
        setUploadMessage({ text: `上传失败（${response.status}），请重试`, ok: false });
      } else if (!answer.ok) {
        setUploadMessage({ text: answer.message, ok: false });
      } else {
        const keepTexts = { alt: alt || answer.image.alt, caption: caption || answer.image.caption };
        choose(answer.image);
        setAlt(keepTexts.alt);
        setCaption(keepTexts.caption);
        setCredit(credit || answer.image.credit);
        setUploadMessage({ text: "图片已上传并设为题图", ok: true });
        if (fileRef.current) fileRef.current.value = "";
      }
    } catch {
      setUploadMessage({ text: "上传失败，请检查网络后重试", ok: false });
    } finally {
      setUploading(false);
    }
  };

  return (
    <fieldset className="adm-fieldset adm-lead-image">
      <legend>题图</legend>
      <input type="hidden" name="leadImageId" value={imageId} />
      {image ? (
        <div className="adm-lead-current">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own derivative, see LeadImage */}
          <img src={image.thumb} alt="" width={160} height={Math.round((160 * image.height) / image.width)} />
          <div>
            <p className="adm-muted">
              当前题图：#{image.id}（{image.width}×{image.height}）
            </p>
            <button
              type="button"
              className="adm-btn adm-btn-small"
              onClick={() => {
                setImageId("");
                setImage(null);
                setAlt("");
                setCaption("");
                setCredit("");
              }}
            >
              移除题图
            </button>
          </div>
        </div>
      ) : (
        <p className="adm-muted">未设置题图。</p>
      )}
      <FieldError id="article-lead-image-error" errors={errors.leadImageId} />

      <div className="adm-upload-row">
        <label htmlFor="lead-image-file">选择图片文件</label>
        <input
          id="lead-image-file"
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="lead-image-file-hint lead-image-upload-message"
        />
        <button type="button" className="adm-btn adm-btn-small" onClick={upload} disabled={uploading}>
          {uploading ? "正在上传…" : "上传图片"}
        </button>
        <p id="lead-image-file-hint" className="adm-field-hint">
          JPEG、PNG 或 WebP，不超过 8 MB、4000 万像素。
        </p>
        <p
          id="lead-image-upload-message"
          className={uploadMessage?.ok ? "adm-field-ok" : "adm-field-error"}
          aria-live="polite"
        >
          {uploadMessage?.text}
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
                  onClick={() => choose(img)}
                  aria-pressed={imageId === String(img.id)}
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

      <div className="adm-field">
        <label htmlFor="lead-image-alt">题图替代文字</label>
        <input
          id="lead-image-alt"
          name="leadImageAlt"
          type="text"
          value={alt}
          onChange={(e) => setAlt(e.target.value)}
          maxLength={LIMITS.alt * 2}
          aria-invalid={errors.leadImageAlt ? true : undefined}
          aria-describedby="lead-image-alt-hint lead-image-alt-error"
        />
        <p id="lead-image-alt-hint" className="adm-field-hint">
          描述图片内容，供视障读者和图片无法显示时使用。设置题图时必填。
        </p>
        <FieldError id="lead-image-alt-error" errors={errors.leadImageAlt} />
      </div>
      <div className="adm-field">
        <label htmlFor="lead-image-caption">图片说明</label>
        <input
          id="lead-image-caption"
          name="leadImageCaption"
          type="text"
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          maxLength={LIMITS.caption * 2}
          aria-invalid={errors.leadImageCaption ? true : undefined}
          aria-describedby="lead-image-caption-error"
        />
        <FieldError id="lead-image-caption-error" errors={errors.leadImageCaption} />
      </div>
      <div className="adm-field">
        <label htmlFor="lead-image-credit">图片来源（可不填）</label>
        <input
          id="lead-image-credit"
          name="leadImageCredit"
          type="text"
          value={credit}
          onChange={(e) => setCredit(e.target.value)}
          maxLength={LIMITS.credit * 2}
          aria-invalid={errors.leadImageCredit ? true : undefined}
          aria-describedby="lead-image-credit-error"
        />
        <FieldError id="lead-image-credit-error" errors={errors.leadImageCredit} />
      </div>
    </fieldset>
  );
}
