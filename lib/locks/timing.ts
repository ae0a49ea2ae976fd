// The edit lock's clock, shared by the server (lib/locks/edit-lock.ts) and the edit page's
// heartbeat (app/admin/(protected)/articles/autosave/edit-session.tsx).

/** A lock lives this long after the last heartbeat: a closed tab frees the story within a minute. */
export const LOCK_TTL_MS = 60_000;
/** How often the open edit page says it is still there; also how soon a taken-over editor is told. */
export const HEARTBEAT_MS = 10_000;
/** How often a page waiting for the story to be free asks. */
export const WAIT_POLL_MS = 5_000;
/** How often the form's fields are compared with what was autosaved last, and sent when they differ. */
export const AUTOSAVE_MS = 4_000;
