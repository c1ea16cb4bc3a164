/** The benchmark's child processes: the build CLI, vite, the generator. */
import { spawn } from "node:child_process";
import { formatMs } from "./report";

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  timedOut: boolean;
}

/** Runs a command in its own process group, so a timeout can end it and everything it started. */
export function runChild(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, wallMs: performance.now() - start, timedOut });
    });
  });
}

/** Why a child failed, with the end of what it printed: "<what>: exit 1 — …". */
export function describeFailure(what: string, r: ChildResult, timeoutMs: number): string {
  const why = r.timedOut ? `timed out after ${formatMs(timeoutMs)}` : `exit ${r.code ?? r.signal}`;
  const tail = `${r.stdout}\n${r.stderr}`
    .split("\n")
    .filter((l) => l.trim())
    .slice(-8)
    .join(" / ");
  return `${what}: ${why}${tail ? ` — ${tail}` : ""}`;
}

/** Runs a command that must succeed; otherwise throws with the end of what it printed. */
export async function runChildOrThrow(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  const r = await runChild(cmd, args, cwd, timeoutMs);
  if (r.code !== 0 || r.timedOut) throw new Error(describeFailure([cmd, ...args].join(" "), r, timeoutMs));
}
