// Next's instrumentation hook. Everything it does needs Node (the configuration check that may stop
// the process, better-sqlite3, the PostgreSQL listener): lib/instrumentation-node.ts, imported only
// in the Node.js runtime so that the Edge compilation of this file does not include it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNode } = await import("@/lib/instrumentation-node");
  await registerNode();
}
