// Peak memory of a whole process tree, for npm run bench. The build runs Astro in child processes, and
// /usr/bin/time reports only the largest single process, not what the machine needs at once; so the
// tree is sampled from /proc (Linux only) every few hundred milliseconds and summed.
//   RSS summed counts memory that processes share (the Node binary, libraries) once per process: an
//   upper bound. PSS splits each shared page between its sharers, so its sum is what the tree holds.
import fs from 'node:fs';

export const SAMPLE_INTERVAL_MS = 200;

export interface ProcessMemory {
  pid: number;
  ppid: number;
  rssBytes: number;
  /** Absent where /proc/<pid>/smaps_rollup cannot be read. */
  pssBytes?: number;
}

export interface TreeMemory {
  rssBytes: number;
  /** Absent when any process's PSS was unreadable. */
  pssBytes?: number;
  largestProcessRssBytes: number;
  processes: number;
}

/** `root` and every process below it, from each process's parent. */
export function getDescendants(parents: ReadonlyMap<number, number>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = new Set<number>();
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    if (tree.has(pid)) continue;
    tree.add(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return [...tree];
}

/** What the processes of one sample hold together. */
export function sumTree(processes: readonly ProcessMemory[]): TreeMemory {
  const hasPss = processes.every((p) => p.pssBytes !== undefined);
  return {
    rssBytes: processes.reduce((sum, p) => sum + p.rssBytes, 0),
    ...(hasPss ? { pssBytes: processes.reduce((sum, p) => sum + p.pssBytes!, 0) } : {}),
    largestProcessRssBytes: Math.max(0, ...processes.map((p) => p.rssBytes)),
    processes: processes.length,
  };
}

/** The highest of each figure over all samples (each figure may peak in a different sample). */
export function getPeak(samples: readonly TreeMemory[]): TreeMemory | undefined {
  if (samples.length === 0) return undefined;
  const hasPss = samples.every((s) => s.pssBytes !== undefined);
  return {
    rssBytes: Math.max(...samples.map((s) => s.rssBytes)),
    ...(hasPss ? { pssBytes: Math.max(...samples.map((s) => s.pssBytes!)) } : {}),
    largestProcessRssBytes: Math.max(...samples.map((s) => s.largestProcessRssBytes)),
    processes: Math.max(...samples.map((s) => s.processes)),
  };
}

/** The parent of a process from /proc/<pid>/stat; its name (in parentheses) may hold spaces. */
export function getParentPid(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** A `Name:   1234 kB` line of /proc/<pid>/status or smaps_rollup, in bytes. */
export function getKilobyteField(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : undefined;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading, or is not ours to read
  }
}

function readParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrUndefined(`/proc/${entry}/stat`);
    const ppid = stat === undefined ? undefined : getParentPid(stat);
    if (ppid !== undefined) parents.set(Number(entry), ppid);
  }
  return parents;
}

function readTree(root: number): ProcessMemory[] {
  const parents = readParents();
  const processes: ProcessMemory[] = [];
  for (const pid of getDescendants(parents, root)) {
    const status = readOrUndefined(`/proc/${pid}/status`);
    const rssBytes = status === undefined ? undefined : getKilobyteField(status, 'VmRSS');
    if (rssBytes === undefined) continue; // gone, or a zombie without memory
    const rollup = readOrUndefined(`/proc/${pid}/smaps_rollup`);
    const pssBytes = rollup === undefined ? undefined : getKilobyteField(rollup, 'Pss');
    processes.push({ pid, ppid: parents.get(pid) ?? 0, rssBytes, ...(pssBytes !== undefined ? { pssBytes } : {}) });
  }
  return processes;
}

export function canSampleProcesses(): boolean {
  return fs.existsSync('/proc/self/status');
}

export interface TreeSampler {
  /** Stops sampling; the peak, or undefined when nothing could be sampled. */
  stop(): TreeMemory | undefined;
}

/** Samples the tree under `root` until stopped; does nothing where there is no /proc. */
export function startTreeSampler(root: number, intervalMs = SAMPLE_INTERVAL_MS): TreeSampler {
  const samples: TreeMemory[] = [];
  const sample = () => {
    const processes = readTree(root);
    if (processes.length > 0) samples.push(sumTree(processes));
  };
  const timer = canSampleProcesses() ? setInterval(sample, intervalMs) : undefined;
  if (timer) sample();
  return {
    stop() {
      if (timer) clearInterval(timer);
      return getPeak(samples);
    },
  };
}
