import { AdminNotFoundContent } from "../_components/admin-not-found";

/**
 * Unmatched editor-area addresses, and the answer to an editor opening an admin-only page while
 * authInterrupts is off (see forbid()). Pages that find nothing return AdminNotFoundPage instead.
 */
export default function AdminNotFound() {
  return <AdminNotFoundContent />;
}
