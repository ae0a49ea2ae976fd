import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { ADMIN_HOME, safeNextPath } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams;
  const next = safeNextPath(typeof query.next === "string" ? query.next : undefined);
  // Already signed in: nothing to do here.
  if (await getCurrentUser()) redirect(next ?? ADMIN_HOME);
  return (
    <main className="login-page">
      <div className="login-card">
        <p className="login-site">{env.SITE_NAME}</p>
        <h1>编辑后台登录</h1>
        <LoginForm next={next ?? ""} />
      </div>
    </main>
  );
}
