// CPU time from Linux's /proc: the whole machine's (/proc/stat) and that of groups of processes
// (/proc/<pid>/stat), to tell where the cores went during a run (scripts/bench/run.mjs,
// scalingLimits). Elsewhere readCpu() answers null and the bench says so.
import { readFileSync, readdirSync } from "node:fs";

/** Clock ticks a second in /proc (USER_HZ: 100 on every Linux architecture Node supports). */
export const TICKS_PER_S = 100;

/**
 * The machine's line of /proc/stat: ticks busy (user … softirq), idle (idle + iowait) and stolen
 * by the hypervisor, over all cores.
 * @param {string} text
 */
export function parseMachineCpu(text) {
  const line = text.split("\n").find((l) => /^cpu\s/.test(l));
  if (!line) throw new Error("no aggregate cpu line in /proc/stat");
  const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
}

/**
 * A process's /proc/<pid>/stat: its parent and the ticks it ran (user + system). The command name
 * (field 2) may hold spaces and parentheses, so fields are counted after its last ')'.
 * @param {string} text
 */
export function parseProcessStat(text) {
  const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
}

/** Ids of the processes whose parent is `pid` (nginx's workers under its master). */
export function childPids(pid) {
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (parseProcessStat(readFileSync(`/proc/${name}/stat`, "utf8")).ppid === pid) out.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/**
 * A snapshot: the machine's ticks and, per group, the ticks its processes ran; null where /proc
 * cannot be read (not Linux, or a process already gone).
 * @param {Record<string, number[]>} groups
 */
export function readCpu(groups) {
  try {
    const machine = parseMachineCpu(readFileSync("/proc/stat", "utf8"));
    /** @type {Record<string, number>} */
    const procs = {};
    for (const [key, pids] of Object.entries(groups)) {
      procs[key] = pids.reduce(
        (sum, pid) => sum + parseProcessStat(readFileSync(`/proc/${pid}/stat`, "utf8")).ticks,
        0,
      );
    }
    return { at: Date.now(), machine, procs };
  } catch {
    return null;
  }
}

const cores = (ticks, seconds) => Math.round((ticks / TICKS_PER_S / seconds) * 100) / 100;

/**
 * Cores used between two snapshots: by each group, by everything else that ran (the load
 * generator, the kernel's network work, other tenants' work inside this machine), left idle, and
 * stolen by the hypervisor.
 * @param {NonNullable<ReturnType<typeof readCpu>>} before
 * @param {NonNullable<ReturnType<typeof readCpu>>} after
 */
export function cpuShares(before, after) {
  const seconds = (after.at - before.at) / 1000;
  if (!(seconds > 0)) throw new Error("cpuShares: snapshots out of order");
  /** @type {Record<string, number>} */
  const groups = {};
  let grouped = 0;
  for (const key of Object.keys(after.procs)) {
    const ticks = after.procs[key] - (before.procs[key] ?? 0);
    grouped += ticks;
    groups[key] = cores(ticks, seconds);
  }
  const busy = after.machine.busy - before.machine.busy;
  return {
    seconds: Math.round(seconds * 100) / 100,
    cores: {
      ...groups,
      other: cores(Math.max(0, busy - grouped), seconds),
      idle: cores(after.machine.idle - before.machine.idle, seconds),
      steal: cores(after.machine.steal - before.machine.steal, seconds),
    },
  };
}
