"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ChannelBarData } from "@/lib/data/types";
import { REGION_PREFIX } from "@/lib/regions/urls";

/**
 * The channel bar of the current page's city: a channel page's or story's (its first path
 * segment is the channel), a city hub's, else the site's own city. It is decided from the path
 * so that the site layout, and every cached page with it, stays one render per address; the
 * server renders it with the page, so it works without JavaScript. Marks the current channel.
 */
export function ChannelNav({ bar, path }: { bar: ChannelBarData; path?: string }) {
  const current = usePathname();
  const pathname = path ?? current;
  const first = pathname.split("/")[1] ?? "";
  const hub =
    `/${first}` === REGION_PREFIX
      ? bar.cities.find((c) => pathname === c.href || pathname.startsWith(`${c.href}/`))
      : undefined;
  const cityId = hub?.id ?? bar.channels.find((c) => c.slug === first)?.cityId ?? bar.defaultCityId;
  const city = bar.cities.find((c) => c.id === cityId);
  const channels = bar.channels.filter((c) => (c.cityId ?? bar.defaultCityId) === cityId);
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
            <Link href={city.provinceHref}>更多城市</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
