/**
 * Hostile corpus input, through the CLIs: files that are not regular files,
 * files too large, unreadable, nested too deep or expanded by aliases, broken
 * YAML in any line-break style, and what follows from a broken file. Each
 * ends in a few `file:line: message` lines, exit status 1, no stack trace,
 * and the previous output untouched; the coverage report refuses the same
 * corpora with the same lines.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_PROBLEMS } from "../../graph/build/problems";
import {
  SENTINEL,
  buildWithCli,
  copyCorpus,
  lineOf,
  problemLines,
  readCorpusFile,
  removeTempDirs,
  replaceInFile,
  reportedPath,
  sentinelOut,
  strayFiles,
  where,
  writeCorpusFile,
} from "./helpers/corpus";
import { NEEDS_ROOT, NOBODY, makeCharDevice, makeFifo, openToOthers, runCoverage, runGraph } from "./helpers/processes";

afterAll(removeTempDirs);

/** "N triples not checked" as the build notes it, at the triples directory. */
function notChecked(dir: string, n: number, file: string): string {
  return `${reportedPath(dir, "triples")}: note: ${n} triple${n === 1 ? "" : "s"} not checked: ${reportedPath(dir, file)} has errors`;
}

/**
 * Builds `dir` over a previous output and checks that exactly `lines` were
 * printed as problems, that it failed cleanly (status 1, no stack trace,
 * output untouched, nothing left behind) and that the coverage report refuses
 * the corpus with the same lines.
 */
async function expectRefused(dir: string, lines: string[], { coverage = true } = {}): Promise<void> {
  const out = sentinelOut();
  const result = await buildWithCli(dir, out);
  expect(problemLines(result.stderr)).toEqual(lines);
  expect(result.stderr).not.toMatch(/^\s+at |RangeError|Maximum call stack/m);
  expect(result.code).toBe(1);
  expect(readFileSync(out, "utf8")).toBe(SENTINEL);
  expect(strayFiles(out)).toEqual([]);
  if (!coverage) return;
  const report = await runCoverage(["--corpus", dir]);
  expect(report.code).toBe(1);
  expect(report.stdout).toBe("");
  expect(report.stderr.split("\n").filter((l) => l && !l.startsWith("coverage:"))).toEqual(lines);
  expect(report.stderr).toMatch(/coverage: \d+ errors?; no report/);
}

describe("files that are not regular files, or too large", () => {
  it("a named pipe among the triples is refused at once (it would hang the build)", async () => {
    const dir = copyCorpus();
    makeFifo(join(dir, "triples/zz.yaml"));
    await expectRefused(dir, [
      `${reportedPath(dir, "triples/zz.yaml")}: not a regular file but a named pipe (FIFO); only regular files are read`,
    ]);
  });

  it.skipIf(!!NEEDS_ROOT)("a symbolic link to a device is not read (a node like /dev/zero, made by the test)", async () => {
    const dir = copyCorpus();
    makeCharDevice(join(dir, "..", "zero"), 1, 5);
    symlinkSync(join(dir, "..", "zero"), join(dir, "triples/zz.yaml"));
    await expectRefused(dir, [
      `${reportedPath(dir, "triples/zz.yaml")}: not a regular file but a character device; only regular files are read`,
    ]);
  });

  it("a directory named like a corpus file", async () => {
    const dir = copyCorpus();
    mkdirSync(join(dir, "triples/zz.yaml"));
    await expectRefused(dir, [`${reportedPath(dir, "triples/zz.yaml")}: not a regular file but a directory; only regular files are read`]);
  });

  it("a 50 MB triples file is refused before it is read, with the limit in the message", async () => {
    const dir = copyCorpus();
    writeCorpusFile(dir, "triples/a2.yaml", readCorpusFile(dir, "triples/a2.yaml"));
    truncateSync(join(dir, "triples/a2.yaml"), 50 * 1024 * 1024);
    await expectRefused(dir, [`${reportedPath(dir, "triples/a2.yaml")}: file is 50 MB, over the limit of 20 MB per file`]);
  });

  it("a corpus directory that is a file, and a triples directory that is missing", async () => {
    const dir = copyCorpus();
    await expectRefused(join(dir, "corpus.yaml"), [
      `${reportedPath(dir, "corpus.yaml")}: corpus directory expected, but this is a regular file`,
    ]);
    const other = copyCorpus();
    rmSync(join(other, "triples"), { recursive: true });
    await expectRefused(other, [`${reportedPath(other, "triples")}: directory not found`]);
  });

  it.skipIf(!!NEEDS_ROOT)("an unreadable file (EACCES), read by an unprivileged user", async () => {
    const dir = copyCorpus();
    openToOthers(dirname(dir));
    for (const sub of ["", "articles", "triples"]) chmodSync(join(dir, sub), 0o755);
    chmodSync(join(dir, "actors.yaml"), 0o000);
    const out = sentinelOut();
    openToOthers(dirname(dirname(out)), dirname(out));
    const result = await runGraph(["--corpus", dir, "--out", out], { user: NOBODY });
    expect(problemLines(result.stderr)).toEqual([
      `${reportedPath(dir, "actors.yaml")}: cannot read file: permission denied (EACCES)`,
      notChecked(dir, 7, "actors.yaml"),
    ]);
    expect(result.code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
  });
});

describe("YAML that would exhaust the build", () => {
  it("an alias repeated 600 times over a 1 MB label: one line, not a RangeError", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "actors.yaml", "  label: Japan\n", `  label: &l "${"x".repeat(1 << 20)}"\n`);
    replaceInFile(dir, "actors.yaml", "aliases: [Tokyo, Japanese government]", `aliases: [${Array(600).fill("*l").join(", ")}]`);
    await expectRefused(dir, [
      `${where(dir, "actors.yaml", 4)} YAML aliases expand the file by more than 1,000,000 characters`,
      notChecked(dir, 7, "actors.yaml"),
    ]);
  });

  it("3000-deep nesting: one line, not 'Maximum call stack size exceeded'", async () => {
    const dir = copyCorpus();
    writeCorpusFile(dir, "corpus.yaml", `name: Mini fixture\nextra: ${"[".repeat(3000)}${"]".repeat(3000)}\n`);
    await expectRefused(dir, [`${where(dir, "corpus.yaml", 2)} nesting deeper than 50 levels of lists and mappings`]);
  });

  it("a label of a megabyte is refused by the schema before it becomes a search pattern", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "actors.yaml", "  label: Japan\n", `  label: ${"J".repeat(1_000_000)}\n`);
    await expectRefused(dir, [
      `${where(dir, "actors.yaml", 2)} "label" is longer than 200 characters`,
      `${reportedPath(dir, "actors.yaml")}: note: 1 affiliation not checked: ${reportedPath(dir, "actors.yaml")} has errors`,
      notChecked(dir, 4, "actors.yaml"),
    ]);
  });

  it("a wrong quote of 5 MB is echoed cut, not whole", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a1.yaml", "quote: Russian Foreign Minister Sergei Lavrov\n", `quote: ${"w".repeat(5_000_000)}\n`);
    const out = sentinelOut();
    const result = await buildWithCli(dir, out);
    const lines = problemLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/quote does not occur verbatim in the body of article "a1": "w{100}…" \(5000000 characters\)$/);
    expect(lines[0]!.length).toBeLessThan(400);
  });
});

describe("one problem, one message", () => {
  it.each([
    ["empty", () => ""],
    ["one bad byte", (text: string) => Buffer.concat([Buffer.from(text.slice(0, 30)), Buffer.from([0xff]), Buffer.from(text.slice(30))])],
    ["a duplicate key", (text: string) => text.replace("  kind: country\n", "  kind: country\n  kind: person\n")],
    ["tab indentation", (text: string) => text.replace(/^ {2}/gm, "\t")],
  ])("actors.yaml %s: its one problem and one note, not an 'unknown actor' line per triple", async (_, mutate) => {
    const dir = copyCorpus();
    writeCorpusFile(dir, "actors.yaml", mutate(readCorpusFile(dir, "actors.yaml")));
    const out = sentinelOut();
    const lines = problemLines((await buildWithCli(dir, out)).stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${reportedPath(dir, "actors.yaml").replace(/[.]/g, "\\.")}:\\d+: `));
    expect(lines[1]).toBe(notChecked(dir, 7, "actors.yaml"));
  });

  it("a broken relations file and a broken article: each one line, and a note for what depends on it", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "relations.yaml", "  family: conflict\n", "  family: [conflict\n");
    replaceInFile(dir, "articles/a1.yaml", "title: Ministers meet in Tokyo", "title: [Ministers meet in Tokyo");
    const out = sentinelOut();
    const lines = problemLines((await buildWithCli(dir, out)).stderr);
    expect(lines).toEqual([
      `${where(dir, "articles/a1.yaml", 1)} YAML syntax error: "[" (column 8) opens a collection the parser could not follow: missed comma between flow collection entries at line 2; is a closing bracket missing?`,
      `${where(dir, "relations.yaml", 7)} YAML syntax error: "[" (column 11) opens a collection the parser could not follow: missed comma between flow collection entries at line 8; is a closing bracket missing?`,
      `${where(dir, "triples/a1.yaml", 1)} note: 4 triples not checked: ${reportedPath(dir, "articles/a1.yaml")} has errors`,
      notChecked(dir, 7, "relations.yaml"),
    ]);
  });

  it("the list stops at 50 problems and counts the rest", async () => {
    const dir = copyCorpus();
    const extra = Array.from({ length: 80 }, (_, i) =>
      [`  - subject: nobody-${i}`, "    relation: meets", "    object: japan", "    date: 2013", "    quote: Russia and Japan"].join("\n"),
    );
    writeCorpusFile(dir, "triples/a1.yaml", `${readCorpusFile(dir, "triples/a1.yaml")}${extra.join("\n")}\n`);
    const out = sentinelOut();
    const result = await buildWithCli(dir, out);
    const lines = problemLines(result.stderr);
    expect(lines).toHaveLength(MAX_PROBLEMS + 1);
    expect(lines[0]).toBe(
      `${where(dir, "triples/a1.yaml", lineOf(dir, "triples/a1.yaml", "nobody-0"))} unknown actor "nobody-0" as subject`,
    );
    expect(lines[MAX_PROBLEMS]).toBe(`… and 30 more not listed (30 errors); the first ${MAX_PROBLEMS} are above`);
    expect(result.stderr).toContain("graph: 80 errors; nothing written");
  });
});

describe("lines are right for every line-break style", () => {
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["lone CR", "\r"],
  ])("%s: an unknown actor is reported at its triple's line", async (_, eol) => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "object: russia", "object: rusia");
    const line = lineOf(dir, "triples/a2.yaml", "- subject: japan");
    writeCorpusFile(dir, "triples/a2.yaml", readCorpusFile(dir, "triples/a2.yaml").replace(/\n/g, eol));
    await expectRefused(dir, [`${where(dir, "triples/a2.yaml", line)} unknown actor "rusia" as object`]);
  });

  it("an unclosed [ is reported on its own line, not the next", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "    date: 2022\n", "    date: [2022\n");
    const line = lineOf(dir, "triples/a2.yaml", "[2022");
    const lines = problemLines((await buildWithCli(dir, sentinelOut())).stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^${where(dir, "triples/a2.yaml", line).replace(/[.[\]]/g, "\\$&")} YAML syntax error: "\\[" \\(column 11\\)`),
    );
  });
});

describe("the coverage report validates first", () => {
  it.each([
    ["an unknown actor", (dir: string) => replaceInFile(dir, "triples/a2.yaml", "object: russia", "object: rusia")],
    ["a quote that is not verbatim", (dir: string) => replaceInFile(dir, "triples/a2.yaml", "on 25 February", "on 26 February")],
    [
      "a duplicate actor id",
      (dir: string) =>
        writeCorpusFile(
          dir,
          "actors.yaml",
          `${readCorpusFile(dir, "actors.yaml")}- id: russia\n  label: R\n  kind: country\n  description: Again.\n`,
        ),
    ],
    ["a bad date", (dir: string) => replaceInFile(dir, "triples/a2.yaml", "date: 2022-02-25", "date: 2022-02-30")],
  ])("refuses a corpus with %s, with the build's own lines, instead of saying 'nothing open'", async (_, mutate) => {
    const dir = copyCorpus();
    mutate(dir);
    const build = await buildWithCli(dir, sentinelOut());
    const report = await runCoverage(["--corpus", dir]);
    expect(report.code).toBe(1);
    expect(report.stdout).not.toContain("nothing open");
    expect(report.stderr.split("\n").filter((l) => l && !l.startsWith("coverage:"))).toEqual(problemLines(build.stderr));
  });
});
