import { AdminNotFoundContent } from "../_components/admin-not-found";

/**
 * Unmatched editor-area addresses. Pages that find nothing return AdminNotFoundPage instead.
 */
export default function AdminNotFound() {
  return <AdminNotFoundContent />;
}
