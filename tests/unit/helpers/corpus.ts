/**
 * Test helpers for the corpus build: throw-away copies of a fixture corpus,
 * one-file mutations, and the CLI run as a child process.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";

/** The project root: vitest runs with it as the working directory. */
export const ROOT = process.cwd();
export const MINI = join(ROOT, "tests/fixtures/mini");
export const REAL_CORPUS = join(ROOT, "graph/corpus");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "graph/build/cli.ts");

const made: string[] = [];

/** A fresh empty directory under the system temp dir, removed by `removeTempDirs`. */
export function makeTempDir(prefix = "kg-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory made by `makeTempDir` / `copyCorpus` so far (for `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Copies a corpus (the mini fixture by default) into a new temp dir; returns the copy's path. */
export function copyCorpus(from = MINI): string {
  const dir = join(makeTempDir("kg-corpus-"), "corpus");
  cpSync(from, dir, { recursive: true });
  return dir;
}

export function readCorpusFile(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}

/** Writes raw bytes or text to `file` in the corpus (creating or replacing it). */
export function writeCorpusFile(dir: string, file: string, content: string | Uint8Array): void {
  writeFileSync(join(dir, file), content);
}

/**
 * Replaces the first occurrence of `from` in `file` with `to`. Throws when
 * `from` is absent, so a test cannot silently stop testing anything when the
 * fixture changes.
 */
export function replaceInFile(dir: string, file: string, from: string, to: string): void {
  const text = readCorpusFile(dir, file);
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`replaceInFile: ${JSON.stringify(from)} not found in ${file}`);
  writeCorpusFile(dir, file, text.slice(0, at) + to + text.slice(at + from.length));
}

/** 1-based line on which `needle` first occurs in `file` (after any mutation); throws when absent. */
export function lineOf(dir: string, file: string, needle: string, occurrence = 1): number {
  const text = readCorpusFile(dir, file);
  let at = -1;
  for (let k = 0; k < occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`lineOf: occurrence ${occurrence} of ${JSON.stringify(needle)} not in ${file}`);
  }
  return text.slice(0, at).split("\n").length;
}

/** How the build names a corpus file in its messages: relative to the working directory. */
export function reportedPath(dir: string, file: string): string {
  return relative(process.cwd(), join(dir, file));
}

/** The `file:line:` prefix the build prints for a problem at `line` of `file` (`file:` for line 0, the whole file). */
export function where(dir: string, file: string, line: number): string {
  return line > 0 ? `${reportedPath(dir, file)}:${line}:` : `${reportedPath(dir, file)}:`;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx graph/build/cli.ts ...args` from the project root. */
export function runCli(args: string[], timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Runs the CLI on `corpus`, writing to `out`. */
export function buildWithCli(corpus: string, out: string, extra: string[] = []): Promise<CliResult> {
  return runCli(["--corpus", corpus, "--out", out, ...extra]);
}

export const SENTINEL = "previous graph.json: must survive a failed build\n";

/**
 * An output path `<temp>/out/graph.json` in a temporary directory of its own:
 * the build writes its temporary file in the directory above the output's,
 * so leftovers show in either.
 */
export function freshOut(name = "graph.json"): string {
  const dir = join(makeTempDir("kg-out-"), "out");
  mkdirSync(dir);
  return join(dir, name);
}

/** Like `freshOut`, with the file already holding `SENTINEL`, standing for the previous build's output. */
export function sentinelOut(): string {
  const out = freshOut();
  writeFileSync(out, SENTINEL);
  return out;
}

/** The names of the files in the directory of `path`. */
export function siblings(path: string): string[] {
  return readdirSync(resolve(path, "..")).sort();
}

/** Files a build left beside `out` or in the directory above (temporary files): [] after a clean build. */
export function strayFiles(out: string): string[] {
  const dir = dirname(out);
  return [
    ...readdirSync(dir).filter((n) => n !== basename(out)),
    ...readdirSync(dirname(dir))
      .filter((n) => n !== basename(dir))
      .map((n) => join("..", n)),
  ].sort();
}

/** Lines of CLI stderr that report problems (`file:line: message`, notes and warnings too), without the progress lines. */
export function problemLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.length > 0 && !l.startsWith("graph:"));
}
