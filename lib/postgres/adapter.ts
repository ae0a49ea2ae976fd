// A failed COMMIT must give its pooled connection back.
//
// Prisma (6.19) ends an interactive transaction by running COMMIT or ROLLBACK through the
// transaction and only then calling its commit()/rollback(), which is where @prisma/adapter-pg
// releases the connection to the pool. When that statement fails (a deferred constraint, a
// serialization failure, the connection lost at that moment) neither is called: the connection is
// never released, and after a pool's worth of such failures every query of the process waits for
// a connection until it times out. PostgreSQL has ended the transaction by then (a failed COMMIT
// rolls back), so the wrapper releases the connection itself. The SQLite twin of this rule is in
// lib/serialized-adapter.ts.
import type { PrismaPg } from "@prisma/adapter-pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Transaction["executeRaw"]>[0];

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK|END)\b/i;

/** Every property of `target` as is (methods bound to it), except the ones in `overrides`. */
function overriding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof T];
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

function releasingTransaction(tx: Transaction): Transaction {
  let released = false;
  // The adapter releases in commit() and rollback(); a second release would throw.
  const once = (end: () => Promise<void>) => async () => {
    if (released) return;
    released = true;
    await end();
  };
  const commit = once(() => tx.commit());
  const rollback = once(() => tx.rollback());
  return overriding(tx, {
    commit,
    rollback,
    executeRaw: async (query: Query) => {
      try {
        return await tx.executeRaw(query);
      } catch (e) {
        if (ENDS_TRANSACTION.test(query.sql)) await rollback().catch(() => undefined);
        throw e;
      }
    },
  });
}

function releasingAdapter(adapter: Adapter): Adapter {
  return overriding(adapter, {
    startTransaction: async (...args: Parameters<Adapter["startTransaction"]>) =>
      releasingTransaction(await adapter.startTransaction(...args)),
  });
}

type Factory = Pick<PrismaPg, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

/** The adapter factory whose transactions release their connection when COMMIT fails. */
export function releaseOnFailedCommit(factory: PrismaPg): Factory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => releasingAdapter(await factory.connect()),
    connectToShadowDb: async () => releasingAdapter(await factory.connectToShadowDb()),
  };
}
