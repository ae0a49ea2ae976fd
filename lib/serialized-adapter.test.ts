import { describe, expect, it } from "vitest";
import { ConnectionGate } from "@/lib/serialized-adapter";

describe("ConnectionGate", () => {
  it("runs work at once when no transaction holds the connection", () => {
    const gate = new ConnectionGate();
    let ran = false;
    void gate.run(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it("queues work while a transaction holds it, and runs it in order on release", async () => {
    const gate = new ConnectionGate();
    const order: string[] = [];
    const release = await gate.hold();
    const a = gate.run(async () => order.push("a"));
    const b = gate.run(async () => order.push("b"));
    expect(order).toEqual([]);
    expect(gate.waiting).toBe(2);
    release();
    expect(order).toEqual(["a", "b"]);
    expect(gate.held).toBe(false);
    await Promise.all([a, b]);
  });

  it("hands the connection to the next waiting transaction before later queries", async () => {
    const gate = new ConnectionGate();
    const order: string[] = [];
    const first = await gate.hold();
    void gate.run(async () => order.push("query before"));
    const second = gate.hold().then((release) => {
      order.push("second transaction");
      return release;
    });
    void gate.run(async () => order.push("query after"));
    first();
    expect(order).toEqual(["query before"]);
    expect(gate.held).toBe(true);
    const releaseSecond = await second;
    expect(order).toEqual(["query before", "second transaction"]);
    releaseSecond();
    releaseSecond(); // a second call changes nothing
    expect(order).toEqual(["query before", "second transaction", "query after"]);
    expect(gate.held).toBe(false);
  });

  it("turns a synchronous throw into a rejection", async () => {
    const gate = new ConnectionGate();
    await expect(
      gate.run(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
  });
});
