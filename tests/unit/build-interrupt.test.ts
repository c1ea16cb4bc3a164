/**
 * Interrupted builds leave nothing: real signals to real child processes
 * while the write is under way. KG_BUILD_TEST_HOLD=1 makes the build stop
 * with its temporary file complete, just before the rename, and say so; the
 * test then sends the signal, so nothing depends on timing.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { temporaryName } from "../../graph/build/write";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { MINI, SENTINEL, removeTempDirs, sentinelOut, strayFiles } from "./helpers/corpus";
import { GRAPH_CLI, start, startNode, runGraph } from "./helpers/processes";

afterAll(removeTempDirs);

const HOLD = { KG_BUILD_TEST_HOLD: "1" };

/** The temporary file a held build names in its "holding" line. */
async function heldFile(run: ReturnType<typeof start>): Promise<string> {
  const line = await run.stderrLine(/^graph: holding /);
  return /^graph: holding (.*) \(KG_BUILD_TEST_HOLD\)$/.exec(line)![1]!;
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((done) => child.on("close", done));
  return child.pid!;
}

describe("a signal during the write removes the temporary file and leaves the previous output", () => {
  it("SIGINT to the whole process group of npm run graph, as Ctrl-C in a terminal sends it", async () => {
    const out = sentinelOut();
    const run = start("npm", ["run", "--silent", "graph", "--", "--corpus", MINI, "--out", out], { env: HOLD, group: true });
    const tmp = await heldFile(run);
    expect(existsSync(tmp)).toBe(true);
    process.kill(-run.child.pid!, "SIGINT");
    const result = await run.result;
    expect(result.code).not.toBe(0);
    expect(existsSync(tmp)).toBe(false);
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
    expect(strayFiles(out)).toEqual([]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each(["SIGTERM", "SIGHUP"] as const)("%s to the build", async (signal) => {
    const out = sentinelOut();
    const run = startNode(GRAPH_CLI, ["--corpus", MINI, "--out", out], { env: HOLD });
    const tmp = await heldFile(run);
    expect(existsSync(tmp)).toBe(true);
    run.child.kill(signal);
    const result = await run.result;
    expect(result.code).toBe(128 + { SIGTERM: 15, SIGHUP: 1 }[signal]);
    expect(existsSync(tmp)).toBe(false);
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
    expect(strayFiles(out)).toEqual([]);
  });
});

describe("SIGKILL cannot be caught: the next build cleans up", () => {
  it("the temporary file of a killed build is removed by the next one, which writes the new output", async () => {
    const out = sentinelOut();
    const run = startNode(GRAPH_CLI, ["--corpus", MINI, "--out", out], { env: HOLD });
    const tmp = await heldFile(run);
    run.child.kill("SIGKILL");
    await run.result;
    // What the kill left, as an interrupted build used to leave it.
    expect(existsSync(tmp)).toBe(true);
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
    const next = await runGraph(["--corpus", MINI, "--out", out]);
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(tmp)).toBe(false);
    expect(graphFileSchema.safeParse(JSON.parse(readFileSync(out, "utf8"))).success).toBe(true);
    expect(strayFiles(out)).toEqual([]);
  });

  it("a stale file of the old name beside the output is removed too; the file of a build still running is not", async () => {
    const out = sentinelOut();
    const legacy = join(dirname(out), `graph.json.${await deadPid()}.tmp`);
    writeFileSync(legacy, "left by an old build");
    const sleeper = spawn("sleep", ["60"]);
    const running = join(dirname(dirname(out)), temporaryName(out, sleeper.pid));
    writeFileSync(running, "another build is writing this");
    try {
      const result = await runGraph(["--corpus", MINI, "--out", out]);
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(legacy)).toBe(false);
      expect(readFileSync(running, "utf8")).toBe("another build is writing this");
    } finally {
      sleeper.kill("SIGKILL");
    }
  });
});

describe("the temporary file is never where a static-site build copies from", () => {
  it("it is written above the output's directory: Vite copies every file of public/, dot-files included", async () => {
    const out = sentinelOut();
    const run = startNode(GRAPH_CLI, ["--corpus", MINI, "--out", out], { env: HOLD });
    const tmp = await heldFile(run);
    try {
      expect(dirname(tmp)).toBe(dirname(dirname(out)));
      expect(basename(tmp)).toMatch(/^\.graph\.json\.\d+\.tmp$/);
      // Nothing but the previous output is in the output's directory while the new one is written.
      expect(strayFiles(out)).toEqual([join("..", basename(tmp))]);
    } finally {
      run.child.kill("SIGTERM");
      await run.result;
    }
    expect(existsSync(tmp)).toBe(false);
  });
});
