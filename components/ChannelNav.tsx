"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ChannelBarData } from "@/lib/data/types";
import { barView } from "@/lib/regions/channel-bar";

/**
 * The channel bar of the current page's city (lib/regions/channel-bar.ts), decided from the path
 * so that the site layout, and every cached page with it, stays one render per address; the
 * server renders it with the page, so it works without JavaScript. Marks the current channel.
 */
export function ChannelNav({ bar, path }: { bar: ChannelBarData; path?: string }) {
  const current = usePathname();
  const pathname = path ?? current;
  const { city, channels, first } = barView(bar, pathname);
  return (
    <nav className="channel-bar" aria-label="频道">
      <ul className="wrap">
        <li>
          <Link href="/" aria-current={pathname === "/" ? "page" : undefined}>
            首页
          </Link>
        </li>
        {city && city.id !== bar.defaultCityId ? (
          <li>
            <Link href={city.href} aria-current={pathname === city.href ? "page" : undefined}>
              {city.name}
            </Link>
          </li>
        ) : null}
        {channels.map((c) => (
          <li key={c.id}>
            <Link href={`/${c.slug}`} aria-current={first === c.slug ? "page" : undefined}>
              {c.name}
            </Link>
          </li>
        ))}
        {city && bar.cities.length > 1 ? (
          <li>
            <Link href={city.provinceHref} aria-current={pathname === city.provinceHref ? "page" : undefined}>
              更多城市
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
