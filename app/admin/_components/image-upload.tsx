"use client";
// Uploading an image from an editor form (lead image, 专题 banner, reporter's photo): the file goes
// at once to the upload endpoint (the same checks everywhere; images may be larger than a server
// action accepts) and only the stored image's id is sent with the form.
import { useRef, useState, type RefObject } from "react";
import type { AdminImage } from "@/lib/data/admin-images";

const UPLOAD_URL = "/admin/api/images";

type UploadAnswer = { ok: true; image: AdminImage } | { ok: false; message: string };

export interface UploadMessage {
  text: string;
  ok: boolean;
}

interface Options {
  /** Said when no file is chosen. */
  noFile: string;
  /** The texts stored with the image, read when the upload starts. */
  texts: () => { alt: string; caption?: string; credit?: string };
  /** A reason not to upload yet (checked after the file), or null. */
  refuse?: () => string | null;
  /** Takes the stored image; returns what to tell the editor. */
  onUploaded: (image: AdminImage) => string;
}

export function useImageUpload({ noFile, texts, refuse, onUploaded }: Options): {
  fileRef: RefObject<HTMLInputElement | null>;
  uploading: boolean;
  message: UploadMessage | null;
  upload: () => Promise<void>;
} {
  const fileRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [message, setMessage] = useState<UploadMessage | null>(null);

  const upload = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ text: noFile, ok: false });
    const refusal = refuse?.();
    if (refusal) return setMessage({ text: refusal, ok: false });
    const { alt, caption = "", credit = "" } = texts();
    const body = new FormData();
    body.set("file", file);
    body.set("alt", alt);
    body.set("caption", caption);
    body.set("credit", credit);
    setUploading(true);
    setMessage(null);
    try {
      const response = await fetch(UPLOAD_URL, { method: "POST", body });
      const answer = (await response.json().catch(() => null)) as UploadAnswer | null;
      if (!answer) setMessage({ text: `上传失败（${response.status}），请重试`, ok: false });
      else if (!answer.ok) setMessage({ text: answer.message, ok: false });
      else {
        setMessage({ text: onUploaded(answer.image), ok: true });
        if (fileRef.current) fileRef.current.value = "";
      }
    } catch {
      setMessage({ text: "上传失败，请检查网络后重试", ok: false });
    } finally {
      setUploading(false);
    }
  };

  return { fileRef, uploading, message, upload };
}

/** The recent uploads to pick an image from (a closed <details> until opened). */
export function RecentImagePicker({
  images,
  selectedId,
  onPick,
}: {
  images: AdminImage[];
  selectedId: number | null;
  onPick: (image: AdminImage) => void;
}) {
  if (images.length === 0) return null;
  return (
    <details className="adm-image-picker">
      <summary>从图库选择</summary>
      <ul aria-label="最近上传的图片">
        {images.map((img) => (
          <li key={img.id}>
            <button
              type="button"
              onClick={() => onPick(img)}
              aria-pressed={selectedId === img.id}
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
  );
}
