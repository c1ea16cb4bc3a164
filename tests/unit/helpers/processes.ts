/**
 * The build's scripts as child processes, for the tests of what the
 * filesystem and signals do to them: another user, a file-size limit, an
 * environment, a line to wait for, a signal to send.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { ROOT, type CliResult } from "./corpus";

export const GRAPH_CLI = join(ROOT, "graph/build/cli.ts");
export const COVERAGE_CLI = join(ROOT, "graph/build/coverage-cli.ts");

/** Whether the tests run as root: root may make device nodes and is not stopped by file permissions. */
export const IS_ROOT = process.getuid?.() === 0;

/** The unprivileged user a root test runs a child as, so that permissions apply to it. */
export const NOBODY = 65534;

export interface Run {
  child: ChildProcess;
  result: Promise<CliResult>;
  /** Resolves with the first stderr line that matches (rejects if the process ends first). */
  stderrLine(pattern: RegExp): Promise<string>;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Run as this user and group (only as root). */
  user?: number;
  /** Its own process group, so that a signal can go to all of it, as a terminal's Ctrl-C does. */
  group?: boolean;
  timeoutMs?: number;
}

/** Starts `command args` in the project root. */
export function start(command: string, args: string[], options: RunOptions = {}): Run {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...options.env },
    detached: options.group ?? false,
    ...(options.user !== undefined && { uid: options.user, gid: options.user }),
  });
  let stdout = "";
  let stderr = "";
  const waiting: { pattern: RegExp; done: (line: string) => void; fail: (err: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiting]) {
      const line = stderr.split("\n").find((l) => w.pattern.test(l));
      if (line !== undefined) {
        waiting.splice(waiting.indexOf(w), 1);
        w.done(line);
      }
    }
  };
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
    check();
  });
  const result = new Promise<CliResult>((done, fail) => {
    const timer = setTimeout(() => killGroup(child, options.group ?? false), options.timeoutMs ?? 60_000);
    child.on("error", (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      for (const w of waiting.splice(0)) w.fail(new Error(`process ended (${code ?? signal}) before ${w.pattern}:\n${stderr}`));
      done({ code: code ?? (signal ? 128 + signalNumber(signal) : null), stdout, stderr });
    });
  });
  return {
    child,
    result,
    stderrLine: (pattern) =>
      new Promise((done, fail) => {
        waiting.push({ pattern, done, fail });
        check();
      }),
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 0;
}

function killGroup(child: ChildProcess, group: boolean): void {
  try {
    if (group && child.pid) process.kill(-child.pid, "SIGKILL");
    else child.kill("SIGKILL");
  } catch {
    // Gone already.
  }
}

/** `node --import tsx <script> ...args`: one process, so its pid is the writer's own. */
export function startNode(script: string, args: string[], options: RunOptions = {}): Run {
  return start(process.execPath, ["--import", "tsx", script, ...args], options);
}

/** The graph CLI, to completion. */
export function runGraph(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return startNode(GRAPH_CLI, args, options).result;
}

/** The coverage CLI, to completion. */
export function runCoverage(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return startNode(COVERAGE_CLI, args, options).result;
}

/** A named pipe at `path` (mkfifo): reading it would wait for a writer that never comes. */
export function makeFifo(path: string): void {
  const r = spawnSync("mkfifo", [path], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`mkfifo ${path}: ${r.stderr || r.error?.message}`);
}

/**
 * A character device node at `path` made by the test (mknod, root only): 1 5
 * is what /dev/zero is (endless zeros), 1 7 what /dev/full is (every write
 * fails with ENOSPC). The system's own devices are never used.
 */
export function makeCharDevice(path: string, major: number, minor: number): void {
  const r = spawnSync("mknod", [path, "c", String(major), String(minor)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`mknod ${path}: ${r.stderr || r.error?.message}`);
}

/** Why a test that needs root is skipped, or "" when it runs. */
export const NEEDS_ROOT = IS_ROOT ? "" : "needs root (mknod, or a child as another user)";

/** Lets the unprivileged user reach `dirs` (a temporary directory is 0700), not write them. */
export function openToOthers(...dirs: string[]): void {
  for (const d of dirs) chmodSync(d, 0o755);
}
