/**
 * Property-based tests of the build (in-process, no CLI): random valid
 * corpora build to identical bytes and a valid graph file; random corruption
 * of a valid corpus ends in a validation message, never in a stack trace.
 */
import fc from "fast-check";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { edgeKey } from "../../graph/build/assemble";
import { buildGraph, exportGraph } from "../../graph/build/index";
import { CorpusError } from "../../graph/build/problems";
import { normalizeText } from "../../src/model/text";
import { serializeGraph } from "../../graph/build/write";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { corpusArb, writeCorpus, type CorpusSpec } from "./helpers/arbitrary-corpus";
import { copyCorpus, makeTempDir, removeTempDirs } from "./helpers/corpus";

afterAll(removeTempDirs);

/** Runs per property; raise it to hunt (see tests/unit/setup-fast-check.ts). */
const RUNS = Number(process.env.KG_PROPERTY_RUNS) || 0;
const TIMEOUT = RUNS ? RUNS * 1000 : undefined;

/** Fewer layout iterations than the default: determinism does not depend on how many. */
const ITERATIONS = 50;

function build(dir: string): string {
  return serializeGraph(exportGraph(buildGraph(dir, { iterations: ITERATIONS }).graph));
}

describe("random valid corpora", () => {
  it(
    "build without errors to identical bytes, twice and from another directory, and the file is valid",
    () => {
      fc.assert(
        fc.property(corpusArb(), (spec: CorpusSpec) => {
          const root = makeTempDir("kg-prop-");
          const dirA = join(root, "a");
          const dirB = join(root, "b");
          writeCorpus(dirA, spec);
          writeCorpus(dirB, spec);
          try {
            let first: string;
            try {
              first = build(dirA);
            } catch (err) {
              // Show the problems with the corpus as written, for the shrunk counterexample.
              throw new Error(`a valid corpus was rejected:\n${(err as Error).message}`, { cause: err });
            }
            expect(build(dirA)).toBe(first);
            expect(build(dirB)).toBe(first);

            const file = graphFileSchema.parse(JSON.parse(first));
            expect(file.nodes.map((n) => n.key).sort()).toEqual(spec.actors.map((a) => a.id).sort());
            expect(file.attributes.name).toBe(spec.name);
            expect(file.attributes.articles.map((a) => a.id)).toEqual(spec.articles.map((a) => a.id).sort());
            // Every triple is evidence of its edge; undirected relations are stored from the lower id.
            const edges = new Map(file.edges.map((e) => [e.key, e]));
            const directed = new Map(spec.relations.map((r) => [r.id, r.directed]));
            let statements = 0;
            for (const tf of spec.tripleFiles) {
              for (const t of tf.triples) {
                const [s, o] = !directed.get(t.relation) && t.object < t.subject ? [t.object, t.subject] : [t.subject, t.object];
                const edge = edges.get(edgeKey(s, t.relation, o));
                expect(edge, `${tf.article}: ${t.subject} ${t.relation} ${t.object}`).toBeDefined();
                expect(edge!.attributes.evidence).toContainEqual({
                  article: tf.article,
                  quote: normalizeText(t.quote),
                  date: t.date,
                });
                statements++;
              }
            }
            const evidence = file.edges.reduce((n, e) => n + e.attributes.evidence.length, 0);
            expect(evidence).toBeLessThanOrEqual(statements);
            for (const e of file.edges) expect(e.attributes.weight).toBe(e.attributes.evidence.length);
          } finally {
            rmSync(root, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS || 40 },
      );
    },
    TIMEOUT,
  );
});

const MINI_FILES = [
  "corpus.yaml",
  "actors.yaml",
  "relations.yaml",
  "articles/a1.yaml",
  "articles/a2.yaml",
  "triples/a1.yaml",
  "triples/a2.yaml",
];

/** Characters and bytes that upset YAML, UTF-8 or the schema. */
const NASTY = [
  "\t",
  ":",
  ": ",
  '"',
  "'",
  "-",
  "- ",
  "#",
  " #",
  "[",
  "]",
  "{",
  "}",
  "&a",
  "*a",
  "!",
  "!!binary ",
  "|",
  ">",
  "%",
  "@",
  "`",
  ",",
  "?",
  "\n",
  " ",
  "\r",
  "\u00a0",
  "\ufeff",
  "“",
  "—",
  "0",
  "~",
  "null",
]
  .map((s) => Buffer.from(s, "utf8"))
  .concat([Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x80]), Buffer.from([0x00])]);

type Corruption =
  | { op: "delete-line"; file: number; at: number }
  | { op: "duplicate-line"; file: number; at: number }
  | { op: "replace-char"; file: number; at: number; with: number }
  | { op: "insert"; file: number; at: number; with: number }
  | { op: "truncate"; file: number; at: number }
  | { op: "swap-lines"; file: number; at: number; other: number };

const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ op: fc.constant("delete-line" as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant("duplicate-line" as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant("replace-char" as const), file: fc.nat(), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant("insert" as const), file: fc.nat(), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant("truncate" as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant("swap-lines" as const), file: fc.nat(), at: fc.nat(), other: fc.nat() }),
);

function splitLines(buf: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x0a) {
      lines.push(buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < buf.length) lines.push(buf.subarray(start));
  return lines;
}

/** Applies one corruption to the bytes of a corpus file. */
function corrupt(buf: Buffer, c: Corruption): Buffer {
  if (buf.length === 0) return c.op === "insert" ? NASTY[c.with % NASTY.length]! : buf;
  const lines = splitLines(buf);
  const line = c.at % lines.length;
  const pos = c.at % buf.length;
  switch (c.op) {
    case "delete-line":
      return Buffer.concat(lines.filter((_, i) => i !== line));
    case "duplicate-line":
      return Buffer.concat(lines.flatMap((l, i) => (i === line ? [l, l] : [l])));
    case "swap-lines": {
      const other = c.other % lines.length;
      const swapped = [...lines];
      [swapped[line], swapped[other]] = [lines[other]!, lines[line]!];
      return Buffer.concat(swapped);
    }
    case "replace-char":
      return Buffer.concat([buf.subarray(0, pos), NASTY[c.with % NASTY.length]!, buf.subarray(pos + 1)]);
    case "insert":
      return Buffer.concat([buf.subarray(0, pos), NASTY[c.with % NASTY.length]!, buf.subarray(pos)]);
    case "truncate":
      return buf.subarray(0, pos);
  }
}

describe("random corruption of a valid corpus", () => {
  it(
    "ends in a successful build or a CorpusError listing located problems, never another exception",
    () => {
      fc.assert(
        fc.property(fc.array(corruptionArb, { minLength: 1, maxLength: 3 }), (corruptions) => {
          const dir = copyCorpus();
          try {
            for (const c of corruptions) {
              const path = join(dir, MINI_FILES[c.file % MINI_FILES.length]!);
              writeFileSync(path, corrupt(readFileSync(path), c));
            }
            let result;
            try {
              result = buildGraph(dir, { iterations: 10 });
            } catch (err) {
              if (!(err instanceof CorpusError)) throw err;
              expect(err.problems.length).toBeGreaterThan(0);
              expect(err.problems.some((p) => p.severity === "error")).toBe(true);
              for (const p of err.problems) {
                expect(typeof p.file === "string" && p.file.length > 0, JSON.stringify(p)).toBe(true);
                expect(typeof p.message === "string" && p.message.trim().length > 0, JSON.stringify(p)).toBe(true);
                expect(p.message, JSON.stringify(p)).not.toMatch(/\n\s+at /);
                expect(Number.isInteger(p.line) && p.line >= 0, JSON.stringify(p)).toBe(true);
                // The line exists in the file named.
                if (p.line > 0) {
                  const lines = readFileSync(resolve(p.file)).toString("latin1").split("\n").length;
                  expect(p.line, JSON.stringify(p)).toBeLessThanOrEqual(lines);
                }
              }
              return;
            }
            // Whatever passes validation must still make a valid graph file.
            expect(graphFileSchema.safeParse(exportGraph(result.graph)).success).toBe(true);
          } finally {
            rmSync(join(dir, ".."), { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS || 50 },
      );
    },
    TIMEOUT,
  );
});
