import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import "./admin.css";

export const metadata: Metadata = {
  title: { default: "编辑后台", template: `%s - 编辑后台 - ${env.SITE_NAME}` },
  robots: { index: false, follow: false },
};

/** Shared by the login page and the signed-in pages; the session check is in (protected)/. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <div className="admin">{children}</div>;
}
