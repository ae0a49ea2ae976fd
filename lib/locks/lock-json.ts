// The edit lock as the page receives it (the lock route's answer, and the edit page's first
// render): times as ISO strings. No server code here; the edit page's client component reads it.
import type { LockView } from "@/lib/locks/edit-lock";

export type LockJson =
  | { state: "mine"; since: string }
  | { state: "free" }
  | { state: "other"; holder: { name: string; since: string } };

export function lockJson(view: LockView): LockJson {
  if (view.state === "free") return { state: "free" };
  if (view.state === "mine") return { state: "mine", since: view.since.toISOString() };
  return { state: "other", holder: { name: view.holder.name, since: view.holder.since.toISOString() } };
}
