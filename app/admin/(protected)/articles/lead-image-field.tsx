"use client";
import { useState } from "react";
import type { ArticleFieldErrors, ArticleFormValues } from "@/lib/articles/form";
import { LIMITS } from "@/lib/articles/limits";
import type { AdminImage } from "@/lib/data/admin-images";
import { FieldError } from "../../_components/form-parts";
import { RecentImagePicker, useImageUpload } from "../../_components/image-upload";

interface Props {
  initialImage: AdminImage | null;
  recentImages: AdminImage[];
  values: ArticleFormValues;
  errors: ArticleFieldErrors;
}

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
  const choose = (img: AdminImage) => {
    setImageId(String(img.id));
    setImage(img);
    // The image's stored texts; the editor may change them (they are saved with the story).
    setAlt(img.alt);
    setCaption(img.caption);
    setCredit(img.credit);
  };

  const { fileRef, uploading, message, upload } = useImageUpload({
    noFile: "请先选择图片文件",
    texts: () => ({ alt, caption, credit }),
    onUploaded: (uploaded) => {
      // What the editor typed before uploading stays; the image's stored texts fill the rest.
      const keep = {
        alt: alt || uploaded.alt,
        caption: caption || uploaded.caption,
        credit: credit || uploaded.credit,
      };
      choose(uploaded);
      setAlt(keep.alt);
      setCaption(keep.caption);
      setCredit(keep.credit);
      return "图片已上传并设为题图";
    },
  });

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
          className={message?.ok ? "adm-field-ok" : "adm-field-error"}
          aria-live="polite"
        >
          {message?.text}
        </p>
      </div>

      <RecentImagePicker images={recentImages} selectedId={image?.id ?? null} onPick={choose} />

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
