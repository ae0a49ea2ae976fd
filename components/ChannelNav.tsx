"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ChannelRef } from "@/lib/data/types";

/** The channel bar; marks the channel of the current page (a channel list or one of its stories). */
export function ChannelNav({ channels }: { channels: ChannelRef[] }) {
  const pathname = usePathname();
  const first = pathname.split("/")[1] ?? "";
  return (
    <nav className="channel-bar" aria-label="频道">
      <ul className="wrap">
        <li>
          <Link href="/" aria-current={pathname === "/" ? "page" : undefined}>
            首页
          </Link>
        </li>
        {channels.map((c) => (
          <li key={c.id}>
            <Link href={`/${c.slug}`} aria-current={first === c.slug ? "page" : undefined}>
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
