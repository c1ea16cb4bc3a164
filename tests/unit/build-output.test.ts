/**
 * Problems with the output (`npm run graph -- --out`): each is one line that
 * names the path and the cause, exit status 1, no stack trace, and the
 * previous output (or the thing in the way) is left as it was. A symbolic
 * link is written through, not replaced.
 */
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeFsError } from "../../graph/build/fs-errors";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { MINI, SENTINEL, freshOut, makeTempDir, removeTempDirs, sentinelOut, strayFiles } from "./helpers/corpus";
import { GRAPH_CLI, IS_ROOT, NEEDS_ROOT, NOBODY, makeCharDevice, makeFifo, openToOthers, runGraph, start } from "./helpers/processes";

afterAll(removeTempDirs);

/** Runs the build to `out` and checks it failed with exactly `message` after "graph: ", and nothing else went wrong. */
async function expectOutputRefused(out: string, message: string, options: Parameters<typeof runGraph>[1] = {}) {
  const result = await runGraph(["--corpus", MINI, "--out", out], options);
  const lines = result.stderr.split("\n").filter((l) => l && !l.startsWith("graph: building") && !l.startsWith("graph:   "));
  expect(lines).toEqual([`graph: ${message}; nothing written`]);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.code).toBe(1);
  return result;
}

/** A path as the build's messages name it. */
const shown = (path: string) => relative(process.cwd(), path);

describe("an output that is not a regular file or a new path is refused", () => {
  it("a directory", async () => {
    const out = dirname(freshOut());
    await expectOutputRefused(out, `cannot write ${shown(out)}: it is a directory; the output must be a regular file or a new path`);
    expect(statSync(out).isDirectory()).toBe(true);
  });

  it("a path through a regular file (EEXIST / ENOTDIR), however deep", async () => {
    const file = freshOut("file");
    writeFileSync(file, SENTINEL);
    for (const out of [join(file, "graph.json"), join(file, "a", "b", "graph.json")])
      await expectOutputRefused(out, `cannot write ${shown(out)}: ${shown(file)} is a regular file, not a directory`);
    expect(readFileSync(file, "utf8")).toBe(SENTINEL);
  });

  it("a named pipe (made by the test with mkfifo)", async () => {
    const out = freshOut("pipe");
    makeFifo(out);
    await expectOutputRefused(
      out,
      `cannot write ${shown(out)}: it is a named pipe (FIFO); the output must be a regular file or a new path`,
    );
    expect(lstatSync(out).isFIFO()).toBe(true);
  });

  it.skipIf(!!NEEDS_ROOT)("a device like /dev/full (a node made by the test), which a root build used to replace with a file", async () => {
    const out = freshOut("full");
    makeCharDevice(out, 1, 7);
    await expectOutputRefused(out, `cannot write ${shown(out)}: it is a character device; the output must be a regular file or a new path`);
    expect(lstatSync(out).isCharacterDevice()).toBe(true);
  });

  it.skipIf(!!NEEDS_ROOT)("a symbolic link to a device", async () => {
    const dev = freshOut("full");
    makeCharDevice(dev, 1, 7);
    const out = join(dirname(dev), "graph.json");
    symlinkSync("full", out);
    await expectOutputRefused(
      out,
      `cannot write ${shown(out)}: it is a character device (the target of its link, ${shown(dev)}); the output must be a regular file or a new path`,
    );
    expect(readlinkSync(out)).toBe("full");
  });

  it("is known before the build starts: a wrong --out with a broken corpus reports the output only", async () => {
    const out = dirname(freshOut());
    const result = await runGraph(["--corpus", join(MINI, "no-such-corpus"), "--out", out]);
    expect(result.stderr).toContain("it is a directory");
    expect(result.stderr).not.toContain("corpus directory not found");
    expect(result.stderr).not.toContain("graph:   load");
  });
});

describe("a symbolic link is written through", () => {
  it("its target is replaced and the link stays a link", async () => {
    const target = freshOut("real.json");
    writeFileSync(target, SENTINEL);
    const out = join(dirname(target), "graph.json");
    symlinkSync("real.json", out);
    const result = await runGraph(["--corpus", MINI, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).toBe("real.json");
    expect(graphFileSchema.safeParse(JSON.parse(readFileSync(target, "utf8"))).success).toBe(true);
  });

  it("a link whose target does not exist yet creates the target", async () => {
    const dir = dirname(freshOut());
    mkdirSync(join(dir, "elsewhere"));
    symlinkSync("elsewhere/graph.json", join(dir, "graph.json"));
    const result = await runGraph(["--corpus", MINI, "--out", join(dir, "graph.json")]);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(join(dir, "graph.json")).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, "elsewhere/graph.json")).isFile()).toBe(true);
  });
});

describe("a write that fails says why, and leaves the previous output and nothing else", () => {
  it("an unwritable directory (EACCES)", async () => {
    const out = sentinelOut();
    // Root passes any permission check, so as root the build runs as an unprivileged user.
    if (IS_ROOT) openToOthers(dirname(dirname(out)), dirname(out));
    else chmodSync(dirname(out), 0o555);
    try {
      await expectOutputRefused(out, `cannot write ${shown(out)}: permission denied (EACCES)`, IS_ROOT ? { user: NOBODY } : {});
    } finally {
      chmodSync(dirname(out), 0o755);
    }
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
    expect(strayFiles(out)).toEqual([]);
  });

  it("a file-size limit (ulimit -f, as a full disk stops a write: EFBIG)", async () => {
    const out = sentinelOut();
    // 2 blocks of 512 bytes (POSIX sh): the mini graph is about 4 KB. tsx's cache would be written under the limit too, so it is off.
    const run = start(
      "sh",
      ["-c", 'ulimit -f 2 && exec "$0" --import tsx "$@"', process.execPath, GRAPH_CLI, "--corpus", MINI, "--out", out],
      {
        env: { TSX_DISABLE_CACHE: "1" },
      },
    );
    const result = await run.result;
    expect(result.stderr.split("\n").filter((l) => l.startsWith("graph: cannot"))).toEqual([
      `graph: cannot write ${shown(out)}: file too large (over the file-size limit) (EFBIG); nothing written`,
    ]);
    expect(result.code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
    expect(strayFiles(out)).toEqual([]);
  });

  it("a full disk and other causes are named in words and by their code", () => {
    // A full file system cannot be made without mounting one; the words for its error are checked here.
    expect(describeFsError(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }))).toBe(
      "no space left on the device (ENOSPC)",
    );
    expect(describeFsError(Object.assign(new Error("ENOTSUP: operation not supported on socket, open '/x'"), { code: "ENOTSUP" }))).toBe(
      "operation not supported on socket (ENOTSUP)",
    );
  });
});

it.skipIf(!IS_ROOT)("the unprivileged user the EACCES tests use can run the build (else they would prove nothing)", async () => {
  const parent = makeTempDir("kg-out-");
  openToOthers(parent);
  mkdirSync(join(parent, "mine"));
  chmodSync(join(parent, "mine"), 0o777);
  const result = await runGraph(["--corpus", MINI, "--out", join(parent, "mine", "graph.json")], { user: NOBODY });
  expect(result.code, result.stderr).toBe(0);
});
