/**
 * Writes the graph file atomically: readers see the old file or the new one,
 * never half of one, and an interrupted build leaves nothing behind.
 *
 * - The output must be a regular file or a new path. A symbolic link is
 *   followed: its target is replaced, the link stays.
 * - The new text goes to `.<name>.<pid>.tmp` in the directory above the
 *   output's (when that is on the same file system and writable, otherwise in
 *   the output's own), then is renamed over the output. Above it, because a
 *   static-site build copies everything in the output's directory: Vite copies
 *   every file of public/, dot-files included.
 * - SIGINT, SIGTERM and SIGHUP during the write remove the temporary file and
 *   then end the process as the signal would. A temporary file left by a
 *   process that no longer runs (SIGKILL) is removed by the next write.
 * - Every failure is an `OutputError` whose message names the path and the cause.
 */
import {
  accessSync,
  constants,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  type Stats,
} from "node:fs";
import { open } from "node:fs/promises";
import { constants as osConstants } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { GraphFile } from "../../src/model/graph-file-schema";
import { describeFsError, errorCode, fileKind } from "./fs-errors";
import { messagePath } from "./problems";

export function serializeGraph(data: GraphFile): string {
  return JSON.stringify(data) + "\n";
}

/** A problem with the output, as one line: "cannot write <path>: <cause>". */
export class OutputError extends Error {
  override name = "OutputError";
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Set by the tests of interrupted builds: the write stops before the rename, with the temporary file complete, until a signal. */
const HOLD_ENV = "KG_BUILD_TEST_HOLD";

function cannotWrite(path: string, cause: string): OutputError {
  return new OutputError(`cannot write ${messagePath(path)}: ${cause}`);
}

/** The nearest ancestor of `path` that exists but is not a directory (the reason for ENOTDIR and EEXIST), if any. */
function fileInTheWay(path: string): { path: string; stats: Stats } | null {
  for (let p = dirname(path); p !== dirname(p); p = dirname(p)) {
    try {
      const stats = statSync(p);
      return stats.isDirectory() ? null : { path: p, stats };
    } catch {
      // Not there either: look further up.
    }
  }
  return null;
}

function describeCause(err: unknown, path: string): string {
  const code = errorCode(err);
  if (code === "ENOTDIR" || code === "EEXIST") {
    const blocker = fileInTheWay(path);
    if (blocker) return `${messagePath(blocker.path)} is ${fileKind(blocker.stats)}, not a directory`;
  }
  return describeFsError(err);
}

/** The file a write to `path` replaces: `path` itself, or where its chain of symbolic links ends. */
export function outputTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops <= 40; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (err) {
      if (errorCode(err) === "ENOENT") return current;
      throw cannotWrite(path, describeCause(err, current));
    }
    if (stats.isSymbolicLink()) {
      current = resolve(dirname(current), readlinkSync(current));
      continue;
    }
    if (stats.isFile()) return current;
    const via = current === resolve(path) ? "" : ` (the target of its link, ${messagePath(current)})`;
    throw cannotWrite(path, `it is ${fileKind(stats)}${via}; the output must be a regular file or a new path`);
  }
  throw cannotWrite(path, describeFsError({ code: "ELOOP" }));
}

/** Where the temporary file goes: above the output's directory when a rename from there is possible. */
function temporaryDir(dir: string): string {
  const parent = dirname(dir);
  if (parent === dir) return dir;
  try {
    if (statSync(parent).dev !== statSync(dir).dev) return dir;
    accessSync(parent, constants.W_OK);
    return parent;
  } catch {
    return dir;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === "EPERM";
  }
}

/** Removes the temporary files `<prefix><pid>.tmp` in `dir` whose writer no longer runs. */
function removeStale(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const digits = name.startsWith(prefix) && name.endsWith(".tmp") ? name.slice(prefix.length, -".tmp".length) : "";
    if (!/^\d+$/.test(digits)) continue;
    const pid = Number(digits);
    if (pid !== process.pid && isRunning(pid)) continue;
    try {
      const path = join(dir, name);
      if (!lstatSync(path).isDirectory()) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove: the write goes on either way.
    }
  }
}

export function temporaryName(target: string, pid = process.pid): string {
  return `.${basename(target)}.${pid}.tmp`;
}

export interface WriteOptions {
  /**
   * Put the temporary file beside the target instead of above its directory:
   * for a writer that must stay inside one directory (the curation studio
   * writes only inside the corpus), where nothing copies dot-files.
   */
  temporaryBeside?: boolean;
}

export async function writeAtomically(path: string, text: string, options: WriteOptions = {}): Promise<void> {
  const target = outputTarget(path);
  const dir = dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw cannotWrite(path, describeCause(err, target));
  }
  const existing = (() => {
    try {
      return statSync(target);
    } catch {
      return null;
    }
  })();
  const tmpDir = options.temporaryBeside ? dir : temporaryDir(dir);
  const name = basename(target);
  removeStale(tmpDir, `.${name}.`);
  // Earlier builds wrote "<name>.<pid>.tmp" beside the output, where Vite copies it.
  removeStale(dir, `${name}.`);
  const tmp = join(tmpDir, temporaryName(target));

  let interrupted = false;
  const removeTmp = () => {
    try {
      unlinkSync(tmp);
    } catch {
      // Not created yet, or renamed already.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    removeTmp();
    for (const s of SIGNALS) process.off(s, onSignal);
    // End as the signal would have; should another handler keep the process alive, end it anyway.
    setTimeout(() => process.exit(128 + (osConstants.signals[signal] ?? 0)), 1000);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    const handle = await open(tmp, "wx", 0o644);
    try {
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    if (process.env[HOLD_ENV] === "1") {
      process.stderr.write(`graph: holding ${tmp} (${HOLD_ENV})\n`);
      await new Promise(() => setInterval(() => {}, 60_000));
    }
    if (interrupted) return await new Promise(() => {});
    renameSync(tmp, target);
  } catch (err) {
    removeTmp();
    if (interrupted) return await new Promise(() => {});
    throw cannotWrite(path, describeCause(err, tmp));
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}
