"use server";
import { headers } from "next/headers";
import { submitComment, type CommentFormState } from "@/lib/comments/submit";
import { clientAddress } from "@/lib/client-address";

/** Server action behind the reader comment form (useActionState). */
export async function postComment(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const raw: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string") raw[k] = v;
  return submitComment(raw, { address: clientAddress(await headers()) });
}
