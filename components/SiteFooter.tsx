import Link from "next/link";

export function SiteFooter({
  siteName,
  slogan,
  icp,
  publicSecurity,
  siteUrl,
}: {
  siteName: string;
  slogan: string;
  icp: string;
  publicSecurity: string;
  siteUrl: string;
}) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p className="slogan">{slogan}</p>
        <p>
          <Link href="/rank">热点排行</Link> · <Link href="/corrections">更正与更新</Link>
        </p>
        <p>
          © {siteName} · <a href={siteUrl}>{siteUrl.replace(/^https?:\/\//, "")}</a>
        </p>
        <p className="records">
          {icp ? (
            <a href="https://beian.miit.gov.cn/" rel="nofollow noopener noreferrer">
              {icp}
            </a>
          ) : null}
          {publicSecurity ? <span>{publicSecurity}</span> : null}
        </p>
      </div>
    </footer>
  );
}
