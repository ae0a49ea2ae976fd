import { logout } from "@/lib/actions/auth/logout";

/** A POST form: signing out changes state, so it is never a link (no logout by prefetch or image). */
export function LogoutButton() {
  return (
    <form action={logout} className="adm-logout-form">
      <button type="submit" className="adm-btn adm-btn-link">
        退出登录
      </button>
    </form>
  );
}
