// Child processes of scripts/bench/run.mjs: every long-running child gets its own process group
// and a log file, and is stopped (SIGTERM, then SIGKILL after a grace period) on the way out,
// also on Ctrl-C, SIGTERM and errors.
import { spawn } from "node:child_process";
import { openSync, closeSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export class Processes {
  /** @type {Map<number, { child: import("node:child_process").ChildProcess, stopOptions: object }>} */
  #running = new Map();
  #closed = false;

  /**
   * Starts a long-running child in its own process group; stdout and stderr go to `log`.
   * @param {string} name
   * @param {string} command
   * @param {string[]} args
   * `stopOptions` are what stopAll() passes to stop() for this child.
   * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, log: string, stdoutPipe?: boolean, stopOptions?: object }} opts
   */
  start(name, command, args, { cwd, env, log, stdoutPipe = false, stopOptions = {} }) {
    if (this.#closed) throw new Error(`not starting ${name}: shutting down`);
    const fd = openSync(log, "a");
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ["ignore", stdoutPipe ? "pipe" : fd, fd],
    });
    closeSync(fd);
    this.#track(child, stopOptions);
    return child;
  }

  #track(child, stopOptions) {
    if (child.pid === undefined) return;
    this.#running.set(child.pid, { child, stopOptions });
    child.on("exit", () => this.#running.delete(child.pid));
  }

  /**
   * Runs a short-lived command to completion (same process group as this script, so Ctrl-C
   * reaches it too; stopped with the others on the way out). Resolves with its stdout, rejects
   * with its output on failure.
   */
  run(command, args, { cwd, env, timeoutMs = 10 * 60_000 } = {}) {
    if (this.#closed) return Promise.reject(new Error(`not running ${command}: shutting down`));
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
      this.#track(child, { group: false, graceMs: 2000 });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on("exit", (code, sig) => {
        clearTimeout(timer);
        if (code === 0) resolve(out);
        else
          reject(
            new Error(`${command} ${args.join(" ")} failed (${sig ?? code}):\n${(out + err).slice(-3000)}`),
          );
      });
    });
  }

  /** The last lines of a child's log (for error messages). */
  static tail(log, lines = 30) {
    try {
      return readFileSync(log, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }

  /**
   * Stops one child: `signal` to the child itself (group: false) or its whole process group,
   * then SIGKILL to the group after `graceMs`.
   */
  async stop(child, { signal = "SIGTERM", group = true, graceMs = 20_000 } = {}) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(group ? -child.pid : child.pid, signal);
    } catch {
      // already gone
    }
    const timer = new Promise((resolve) => setTimeout(() => resolve("timeout"), graceMs));
    if ((await Promise.race([exited, timer])) === "timeout") {
      killGroup(child.pid, "SIGKILL");
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    }
    // Whatever is left in its group (children of a stopped parent) goes too.
    killGroup(child.pid, "SIGKILL");
  }

  /** Stops every running child, in parallel. */
  async stopAll() {
    this.#closed = true;
    await Promise.all(
      [...this.#running.values()].map(({ child, stopOptions }) => this.stop(child, stopOptions)),
    );
  }

  /** Last resort from a synchronous exit handler: SIGKILL every remaining process group. */
  killAllNow() {
    for (const [pid, { child }] of this.#running) {
      killGroup(pid, "SIGKILL");
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // no such group
  }
}

/** `count` distinct free TCP ports on 127.0.0.1, chosen by the kernel (never 3000/3210/3211). */
export async function freePorts(count) {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (s) =>
        new Promise((resolve, reject) =>
          s.once("error", reject).listen(0, "127.0.0.1", () => resolve(s.address().port)),
        ),
    ),
  );
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** Polls `url` until it answers 2xx (or `deadlineMs` passes: throws). */
export async function waitForHttp(url, { deadlineMs = 90_000, isAlive = () => true, what = url } = {}) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (!isAlive()) throw new Error(`${what} exited before answering`);
    if (Date.now() > until) throw new Error(`${what} did not answer at ${url} within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
