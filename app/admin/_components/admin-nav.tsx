"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** A count shown after the label (e.g. stories waiting for me). */
  count?: string;
}

/** Client side only for the current-page highlight (layouts do not re-render on navigation). */
export function AdminNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="admin-nav" aria-label="后台导航">
      <ul>
        {items.map((item) => {
          const current = item.href === "/admin" ? pathname === item.href : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                {item.label}
                {item.count !== undefined ? (
                  <span className={item.count === "0" ? "adm-nav-count adm-nav-count-zero" : "adm-nav-count"}>
                    <span className="adm-visually-hidden">：</span>
                    {item.count}
                    <span className="adm-visually-hidden"> 篇</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
