import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listChannelOptions } from "@/lib/data/admin-articles";
import { listRecentImages } from "@/lib/data/admin-images";
import { EMPTY_ARTICLE_FORM } from "@/lib/articles/form";
import { deskCovers, isReviewer } from "@/lib/articles/permissions";
import { formButtons } from "@/lib/workflow/buttons";
import { ArticleForm } from "../article-form";
import { EditSession } from "../autosave/edit-session";
import { editSessionData } from "@/lib/data/admin-edit-session";

export const metadata: Metadata = { title: "写新稿件" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewArticlePage({ searchParams }: Props) {
  const user = await requireUser("/admin/articles/new");
  const query = await searchParams;
  const [allChannels, images] = await Promise.all([listChannelOptions(), listRecentImages()]);
  // A reporter or editor writes for the channels of their desk.
  const channels = allChannels.filter((c) => deskCovers(user, c.id));
  // ?channel=<id> preselects a channel (links from a channel's list).
  const channel = typeof query.channel === "string" ? query.channel : "";
  const channelId = channels.some((c) => String(c.id) === channel) ? channel : "";
  const buttons = formButtons(user, null, null);
  const edit = await editSessionData(
    user,
    null,
    { ...EMPTY_ARTICLE_FORM, channelId },
    query,
    buttons.length > 0,
    "/admin/articles/new",
  );
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> › 写新稿件
      </p>
      <h1>写新稿件</h1>
      <EditSession {...edit.session}>
        <div className="adm-panel">
          <ArticleForm
            articleId={null}
            initialValues={edit.values}
            initialVersion={null}
            buttons={buttons}
            channels={channels}
            recentImages={images}
            initialImage={edit.image}
            canScheduleUnpublish={isReviewer(user)}
          />
        </div>
      </EditSession>
    </>
  );
}
