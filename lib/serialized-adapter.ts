// Isolation for interactive transactions on the process's one SQLite connection.
//
// The better-sqlite3 adapter runs every query of the process on a single connection and takes its
// lock only in startTransaction, so a query of another request that runs while a transaction's
// body awaits something runs *inside* that transaction: it sees uncommitted rows, and a write it
// acknowledges disappears if the transaction rolls back. This wrapper puts every query on that
// connection behind one gate: while a transaction is open, queries from outside it wait (in
// arrival order) until it commits or rolls back. better-sqlite3 does its work synchronously when
// a query is called, so with no transaction open a query runs at once, as before (one flag test).
//
// Rule that follows: inside `db.$transaction(async (tx) => …)` use `tx` only. A query through the
// outer client waits for the transaction, which then ends by its timeout (5 s by default).
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type IsolationLevel = Parameters<Adapter["startTransaction"]>[0];
type Query = Parameters<Adapter["queryRaw"]>[0];
type ResultSet = Awaited<ReturnType<Adapter["queryRaw"]>>;

/** One connection, held by at most one transaction; everything else queues behind it (FIFO). */
export class ConnectionGate {
  #held = false;
  #waiting: (() => void)[] = [];

  /** True while a transaction holds the connection. */
  get held(): boolean {
    return this.#held;
  }

  /** Number of queries and transactions waiting. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Runs `work` now when no transaction holds the connection and nothing waits, else when its turn
   * comes. `work` must do its database work synchronously when called (better-sqlite3 does), so
   * that no transaction can begin between the turn and the work.
   */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.#held && this.#waiting.length === 0) return call(work);
    return new Promise<T>((resolve) => this.#waiting.push(() => resolve(call(work))));
  }

  /** Takes the connection for a transaction. Resolves with its release (safe to call twice). */
  hold(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.#held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#release();
        });
      };
      if (!this.#held && this.#waiting.length === 0) grant();
      else this.#waiting.push(grant);
    });
  }

  #release(): void {
    this.#held = false;
    // Queries waiting run now, in order, until a waiting transaction takes the connection again.
    while (!this.#held && this.#waiting.length > 0) this.#waiting.shift()?.();
  }
}

function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (e) {
    // Some adapter methods (executeScript) throw synchronously.
    return Promise.reject(e);
  }
}

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK|END)\b/i;

class GatedTransaction implements Transaction {
  readonly provider: Transaction["provider"];
  readonly adapterName: string;
  readonly options: Transaction["options"];
  readonly #inner: Transaction;
  readonly #release: () => void;

  constructor(inner: Transaction, release: () => void) {
    this.#inner = inner;
    this.#release = release;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  queryRaw(query: Query): Promise<ResultSet> {
    return this.#inner.queryRaw(query);
  }

  async executeRaw(query: Query): Promise<number> {
    try {
      return await this.#inner.executeRaw(query);
    } catch (e) {
      // Prisma ends a transaction by running COMMIT or ROLLBACK here and only then calling
      // commit()/rollback(); when that statement fails (a full disk at COMMIT), it calls neither,
      // which would leave the connection inside the transaction and locked for good: every later
      // query would run in a transaction nobody commits. Roll back and let go instead.
      if (ENDS_TRANSACTION.test(query.sql)) await this.#abandon();
      throw e;
    }
  }

  async commit(): Promise<void> {
    try {
      await this.#inner.commit();
    } finally {
      this.#release();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.#inner.rollback();
    } finally {
      this.#release();
    }
  }

  async #abandon(): Promise<void> {
    try {
      await this.#inner.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
    } catch {
      // SQLite may have rolled back already ("no transaction is active").
    }
    await this.rollback();
  }
}

class GatedAdapter implements Adapter {
  readonly provider: Adapter["provider"];
  readonly adapterName: string;
  readonly #inner: Adapter;
  readonly #gate = new ConnectionGate();

  constructor(inner: Adapter) {
    this.#inner = inner;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: Query): Promise<ResultSet> {
    return this.#gate.run(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: Query): Promise<number> {
    return this.#gate.run(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#gate.run(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#gate.hold();
    try {
      return new GatedTransaction(await this.#inner.startTransaction(isolationLevel), release);
    } catch (e) {
      release();
      throw e;
    }
  }

  dispose(): Promise<void> {
    return this.#inner.dispose();
  }
}

type Factory = Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

/** The adapter factory with every connection it opens behind a ConnectionGate. */
export function serializeTransactions(factory: PrismaBetterSQLite3): Factory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new GatedAdapter(await factory.connect()),
    connectToShadowDb: async () => new GatedAdapter(await factory.connectToShadowDb()),
  };
}
