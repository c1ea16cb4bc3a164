/**
 * The located-YAML reader (graph/build/located-yaml.ts) on its own: lines of
 * any path for LF, CRLF and CR files, syntax errors at the right line, the
 * limits (size, depth, aliases), files that are not regular files, and, by
 * fast-check, hostile documents that must end in a located problem or a
 * value, never in an exception.
 */
import fc from "fast-check";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseYaml, readYamlFile, YAML_LIMITS, type YamlRead } from "../../graph/build/located-yaml";
import { makeTempDir, removeTempDirs } from "./helpers/corpus";
import { makeCharDevice, makeFifo, NEEDS_ROOT } from "./helpers/processes";

afterAll(removeTempDirs);

const RUNS = Number(process.env.KG_PROPERTY_RUNS) || 0;

function ok(read: YamlRead) {
  if (!read.ok) throw new Error(`expected a document, got line ${read.problem.line}: ${read.problem.message}`);
  return read.yaml;
}

function problem(read: YamlRead) {
  if (read.ok) throw new Error("expected a problem, got a document");
  return read.problem;
}

const DOC = [
  "article: a1 # a comment",
  "triples:",
  "  - subject: japan",
  "    date:",
  "    tags: [x, {y: z}]",
  "  -",
  "    subject: russia",
  "reviewed:",
  "- one",
  "- &a two",
  "- *a",
  "",
].join("\n");

describe("lines", () => {
  it("gives the line of any key, list item or nested entry, and of the nearest ancestor for a path that is not there", () => {
    const yaml = ok(parseYaml(DOC));
    expect(yaml.lineAt([])).toBe(1);
    expect(yaml.lineAt(["article"])).toBe(1);
    expect(yaml.lineAt(["triples"])).toBe(2);
    expect(yaml.lineAt(["triples", 0])).toBe(3);
    expect(yaml.lineAt(["triples", 0, "subject"])).toBe(3);
    expect(yaml.lineAt(["triples", 0, "date"])).toBe(4);
    expect(yaml.lineAt(["triples", 0, "tags", 1, "y"])).toBe(5);
    expect(yaml.lineAt(["triples", 1, "subject"])).toBe(7);
    expect(yaml.lineAt(["reviewed", 2])).toBe(11);
    expect(yaml.lineAt(["triples", 0, "no-such-field"])).toBe(3);
    expect(yaml.lineAt(["triples", 9])).toBe(2);
  });

  it.each([
    ["CRLF", "\r\n"],
    ["a lone CR (old Mac files)", "\r"],
  ])("gives the same lines for a file with %s line breaks", (_, eol) => {
    const lf = ok(parseYaml(DOC));
    const other = ok(parseYaml(DOC.replace(/\n/g, eol)));
    expect(other.value).toEqual(lf.value);
    for (const path of [
      ["triples", 0, "date"],
      ["triples", 1, "subject"],
      ["reviewed", 2],
    ])
      expect(other.lineAt(path), path.join(".")).toBe(lf.lineAt(path));
  });

  it("reports a syntax error deep in a lone-CR file at its own line, not on line 1", () => {
    const lines = Array.from({ length: 150 }, (_, i) => `k${i}: v`);
    lines.push("bad: [unclosed");
    expect(problem(parseYaml(lines.join("\r") + "\r")).line).toBe(151);
  });

  it("reports invalid UTF-8 at the line of the first bad byte, whatever the line breaks", () => {
    const bytes = Buffer.concat([Buffer.from("a: 1\rb: 2\r\nc: "), Buffer.from([0xff]), Buffer.from("\n")]);
    expect(problem(parseYaml(bytes))).toEqual({ line: 3, message: "file is not valid UTF-8 (byte 14)" });
  });
});

describe("syntax errors: one message, at the right line", () => {
  it("an unclosed [ at the line where it opens, not where the parser gave up", () => {
    const src = "article: a1\ntriples:\n  - subject: [japan\n    relation: meets\n    object: russia\n";
    const p = problem(parseYaml(src));
    expect(p.line).toBe(3);
    expect(p.message).toMatch(/^YAML syntax error: "\[" \(column 14\) opens a collection the parser could not follow/);
    expect(problem(parseYaml("a: 1\nb: [x, y\n"))).toEqual({ line: 2, message: 'YAML syntax error: "[" (column 4) is never closed' });
  });

  it("an unclosed quote at the line where it opens", () => {
    expect(problem(parseYaml('a: 1\nb: "text\n\nc: 2\n'))).toEqual({
      line: 2,
      message: `YAML syntax error: '"' (column 4) is never closed`,
    });
  });

  it("tab indentation is one problem, not one per line", () => {
    const p = problem(parseYaml("a:\n\tb: 1\n\tc: 2\n\td: 3\n"));
    expect(p).toEqual({ line: 2, message: "YAML syntax error: tab characters must not be used in indentation (column 1)" });
  });

  it("a duplicate key", () => {
    expect(problem(parseYaml("a: 1\nb: 2\na: 3\n"))).toEqual({ line: 3, message: "YAML syntax error: duplicated mapping key (column 1)" });
  });
});

describe("limits", () => {
  it("nesting deeper than the limit is a message at a line, not a stack overflow (3000 levels, flow and block)", () => {
    const flow = problem(parseYaml(`a: ${"[".repeat(3000)}${"]".repeat(3000)}\n`));
    expect(flow).toEqual({ line: 1, message: "nesting deeper than 50 levels of lists and mappings" });
    const block = Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n");
    const p = problem(parseYaml(block));
    expect(p.message).toBe("nesting deeper than 50 levels of lists and mappings");
    expect(p.line).toBeGreaterThan(50);
    // Just under the limit is fine.
    expect(ok(parseYaml(`a: ${"[".repeat(49)}${"]".repeat(49)}\n`)).value).toBeDefined();
  });

  it("aliases may not nest a document deeper than the limit either", () => {
    const src = `a: &a ${"[".repeat(40)}${"]".repeat(40)}\nb: ${"[".repeat(30)}*a${"]".repeat(30)}\n`;
    expect(problem(parseYaml(src))).toEqual({ line: 2, message: "nesting deeper than 50 levels of lists and mappings (aliases expanded)" });
  });

  it("an alias repeated 600 times over a 1 MB label is refused at once, at the alias that goes over the limit", () => {
    const big = "x".repeat(1 << 20);
    const src = `- label: &l "${big}"\n  aliases:\n${"    - *l\n".repeat(600)}`;
    // The first alias adds 1 MB (the limit is 1 000 000 characters more than the file holds), the second goes over.
    expect(problem(parseYaml(src))).toEqual({ line: 4, message: "YAML aliases expand the file by more than 1,000,000 characters" });
  });

  it("a billion laughs is refused", () => {
    let src = "a0: &a0 [lol]\n";
    for (let i = 1; i < 30; i++)
      src += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`;
    expect(problem(parseYaml(src)).message).toBe("YAML aliases expand the file by more than 1,000,000 characters");
  });

  it("a value that contains itself is refused at its alias", () => {
    expect(problem(parseYaml("name: x\nkind: &k [1, *k]\n"))).toEqual({ line: 2, message: "a YAML alias makes a value contain itself" });
  });

  it("aliases within the limit are read, and the limit can be lowered to refuse them", () => {
    const src = `d: &d ${"a".repeat(100)}\ne: [*d, *d, *d]\n`;
    expect(ok(parseYaml(src)).value).toEqual({ d: "a".repeat(100), e: Array(3).fill("a".repeat(100)) });
    expect(problem(parseYaml(src, { maxAliasExpansion: 100 })).message).toBe("YAML aliases expand the file by more than 100 characters");
  });
});

describe("files", () => {
  const dir = makeTempDir("kg-yaml-");

  it("reads a regular file, and one through a symbolic link", () => {
    writeFileSync(join(dir, "a.yaml"), "a: 1\n");
    symlinkSync(join(dir, "a.yaml"), join(dir, "link.yaml"));
    expect(ok(readYamlFile(join(dir, "link.yaml"))).value).toEqual({ a: 1 });
  });

  it("refuses a named pipe at once instead of waiting for a writer", () => {
    makeFifo(join(dir, "pipe.yaml"));
    expect(problem(readYamlFile(join(dir, "pipe.yaml")))).toEqual({
      line: 0,
      message: "not a regular file but a named pipe (FIFO); only regular files are read",
    });
  });

  it("refuses a directory, and says what a missing file is", () => {
    mkdirSync(join(dir, "dir.yaml"));
    expect(problem(readYamlFile(join(dir, "dir.yaml"))).message).toBe("not a regular file but a directory; only regular files are read");
    expect(problem(readYamlFile(join(dir, "none.yaml"))).message).toBe("cannot read file: no such file or directory (ENOENT)");
  });

  it.skipIf(!!NEEDS_ROOT)("never reads a device, even through a symbolic link (a node like /dev/zero made by the test)", () => {
    makeCharDevice(join(dir, "zero"), 1, 5);
    symlinkSync(join(dir, "zero"), join(dir, "zero.yaml"));
    expect(problem(readYamlFile(join(dir, "zero.yaml"))).message).toBe(
      "not a regular file but a character device; only regular files are read",
    );
  });

  it("refuses a file over 20 MB before reading it, and says the limit", () => {
    // A sparse file: its size is known at once, and reading it would take 50 MB of memory.
    writeFileSync(join(dir, "big.yaml"), "");
    truncateSync(join(dir, "big.yaml"), 50 * 1024 * 1024);
    expect(problem(readYamlFile(join(dir, "big.yaml")))).toEqual({ line: 0, message: "file is 50 MB, over the limit of 20 MB per file" });
    expect(YAML_LIMITS.maxBytes).toBe(20 * 1024 * 1024);
    writeFileSync(join(dir, "small.yaml"), "a: 12345\n");
    expect(problem(readYamlFile(join(dir, "small.yaml"), { maxBytes: 4 })).message).toBe(
      "file is 9 bytes, over the limit of 4 bytes per file",
    );
  });
});

/** Pieces of hostile YAML: aliases and anchors, deep brackets, long values, binary, tabs and odd line breaks. */
const hostilePiece = fc.oneof(
  fc.constantFrom(
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "? ",
    "!!str ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n  ",
    "---\n",
    "...",
  ),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: 1, max: 400 }).map((n) => "[".repeat(n)),
  fc.integer({ min: 1, max: 400 }).map((n) => "- ".repeat(n)),
  fc.integer({ min: 1, max: 200 }).map((n) => `x: &r [${"*r, ".repeat(n)}]\n`),
  fc.integer({ min: 1, max: 60_000 }).map((n) => "w".repeat(n)),
  fc.uint8Array({ maxLength: 16 }).map((b) => Buffer.from(b).toString("latin1")),
);

const hostileDoc = fc.array(hostilePiece, { maxLength: 40 }).map((parts) => parts.join(""));

describe("hostile documents (fast-check)", () => {
  it("end in a value or in one problem with a line inside the file and a one-line message, never in an exception", () => {
    fc.assert(
      fc.property(hostileDoc, fc.boolean(), (doc, asBytes) => {
        const bytes = Buffer.from(doc, "latin1");
        const read = parseYaml(asBytes ? bytes : doc, { maxAliasExpansion: 10_000 });
        const lines = doc.split(/\r\n|\r|\n/).length;
        if (read.ok) {
          // Every line lookup stays inside the file.
          for (const path of [[], [0], ["x"], [0, 0, 0]]) {
            const line = read.yaml.lineAt(path);
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(lines);
          }
          return;
        }
        const { line, message } = read.problem;
        expect(Number.isInteger(line) && line >= 0 && line <= lines, `line ${line} of ${lines}: ${message}`).toBe(true);
        expect(message).not.toMatch(/\n|Maximum call stack|RangeError|Invalid string length|undefined/);
        expect(message.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS || 300 },
    );
  });
});
