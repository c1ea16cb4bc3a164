/**
 * Global setup of the "e2e" vitest project, run once before its test files:
 *
 *  1. find (or install) the Chromium to drive, so an install happens once;
 *  2. build the app (`npm run build`: graph build + `vite build` into dist/),
 *     skipped when E2E_SKIP_BUILD=1 and dist/index.html exists;
 *  3. serve dist/ with `vite preview` on a free port of 127.0.0.1 and wait
 *     until it answers.
 *
 * Tests read `inject("baseURL")` and `inject("chromiumPath")`. The returned
 * teardown stops the preview server (its whole process group).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { findChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the built app is served, e.g. "http://127.0.0.1:41234/" (ends with "/"). */
    baseURL: string;
    /** The Chromium / Chrome binary to launch. */
    chromiumPath: string;
  }
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VITE = fileURLToPath(new URL("../../node_modules/.bin/vite", import.meta.url));
const DIST_INDEX = fileURLToPath(new URL("../../dist/index.html", import.meta.url));

const SERVER_START_TIMEOUT_MS = 30_000;
const OUTPUT_LIMIT = 64_000;

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** Runs a command in the repository root, capturing its output; rejects with the output on failure. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`e2e: \`${command} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolvePromise(port) : reject(new Error("e2e: no free port"))));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the detached child leads its own process group
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolvePromise(true);
    });
  });
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** Starts `vite preview` on `port`; resolves once it answers 200, rejects if it exits or times out. */
async function startPreview(port: number): Promise<Server> {
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(VITE, ["preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"], {
    cwd: ROOT,
    detached: true, // own process group, so teardown can stop everything it started
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let spawnError: Error | undefined;
  child.on("error", (err) => (spawnError = err));

  const deadline = performance.now() + SERVER_START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (spawnError) throw new Error(`e2e: cannot start ${VITE}: ${spawnError.message}`);
    if (exited(child)) {
      throw new Error(`e2e: vite preview exited (${child.signalCode ?? `exit ${child.exitCode}`}):\n${output}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  killGroup(child, "SIGKILL");
  throw new Error(`e2e: vite preview did not answer on ${url} within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${output}`);
}

export default async function setup({ provide }: TestProject) {
  const started = performance.now();

  let phase = performance.now();
  const chromiumPath = findChromium();
  console.log(`e2e: browser ${chromiumPath} (${seconds(phase)})`);

  phase = performance.now();
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(DIST_INDEX)) {
    console.log("e2e: E2E_SKIP_BUILD=1, using the existing dist/");
  } else {
    if (process.env.E2E_SKIP_BUILD === "1") console.log("e2e: E2E_SKIP_BUILD=1 but there is no dist/index.html");
    console.log("e2e: npm run build…");
    await run("npm", ["run", "build"]);
    console.log(`e2e: built dist/ (${seconds(phase)})`);
  }

  phase = performance.now();
  let server: Server | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && !server; attempt++) {
    try {
      // Another process may take the port between freePort() and vite binding it: try again.
      server = await startPreview(await freePort());
    } catch (err) {
      lastError = err;
    }
  }
  if (!server) throw lastError;
  const { url, child } = server;
  console.log(`e2e: vite preview at ${url} (${seconds(phase)}; setup ${seconds(started)})`);

  // If vitest dies without running the teardown, still do not leave the server behind.
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);

  provide("baseURL", url);
  provide("chromiumPath", chromiumPath);

  return async function teardown() {
    process.off("exit", onExit);
    if (exited(child)) return;
    killGroup(child, "SIGTERM");
    if (!(await waitForExit(child, 5_000))) {
      killGroup(child, "SIGKILL");
      await waitForExit(child, 2_000);
    }
  };
}
