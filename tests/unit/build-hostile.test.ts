/**
 * Property tests (fast-check, fixed seed: see setup-fast-check.ts): a corpus
 * file of the mini fixture is replaced by, or spliced with, hostile YAML —
 * alias bombs, self-references, deep nesting, huge values, binary bytes, odd
 * line breaks — and the build must end in a valid graph or in a CorpusError
 * whose every problem is located inside the file it names, on one bounded
 * line, never in another exception.
 */
import fc from "fast-check";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildGraph, exportGraph } from "../../graph/build/index";
import { CorpusError, MAX_PROBLEMS, formatProblem } from "../../graph/build/problems";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { copyCorpus, removeTempDirs } from "./helpers/corpus";

afterAll(removeTempDirs);

const RUNS = Number(process.env.KG_PROPERTY_RUNS) || 0;

const FILES = ["corpus.yaml", "actors.yaml", "relations.yaml", "articles/a1.yaml", "triples/a1.yaml", "triples/a2.yaml"];

const bomb = fc.integer({ min: 2, max: 12 }).map((width) => {
  let s = "a0: &a0 [lol]\n";
  for (let i = 1; i < 12; i++)
    s += `a${i}: &a${i} [${Array(width)
      .fill(`*a${i - 1}`)
      .join(", ")}]\n`;
  return s;
});

const hostile = fc.oneof(
  bomb,
  fc.integer({ min: 1, max: 5000 }).map((n) => `x: ${"[".repeat(n)}${"]".repeat(n)}\n`),
  fc.integer({ min: 1, max: 300 }).map((n) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k:`).join("\n")),
  fc.constantFrom("x: &k [*k]\n", "- &s {a: *s}\n", "kind: &k [1, *k]\n", "a: *nope\n", "<<: *m\n"),
  fc.integer({ min: 1, max: 2_000_000 }).map((n) => `label: ${"L".repeat(n)}\n`),
  fc
    .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 5000 }))
    .map(([n, len]) => `big: &b "${"v".repeat(len)}"\nall: [${"*b, ".repeat(n)}]\n`),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("latin1")),
  fc.constantFrom(
    "\t- x\n",
    "a: [\n",
    'a: "\n',
    "---\n---\n",
    "a:\r\tb\r",
    "\u0000",
    "\ufeff- x\n",
    "? [a]\n: b\n",
    "__proto__: x\n",
    "constructor: 1\n",
  ),
);

type Edit = { file: number; mode: "replace" | "insert"; at: number; text: string; eol: "\n" | "\r\n" | "\r" };

const editArb: fc.Arbitrary<Edit> = fc.record({
  file: fc.nat(),
  mode: fc.constantFrom("replace" as const, "insert" as const),
  at: fc.nat(),
  text: hostile,
  eol: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const),
});

function apply(dir: string, e: Edit): void {
  const path = join(dir, FILES[e.file % FILES.length]!);
  const old = readFileSync(path, "latin1");
  const at = e.at % (old.length + 1);
  const text = e.mode === "replace" ? e.text : old.slice(0, at) + e.text + old.slice(at);
  writeFileSync(path, Buffer.from(text.replace(/\r\n|\r|\n/g, e.eol), "latin1"));
}

describe("hostile corpus files (fast-check)", () => {
  it("end in a valid graph or in located, one-line problems, never in another exception", () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 2 }), (edits) => {
        const dir = copyCorpus();
        try {
          for (const e of edits) apply(dir, e);
          let result;
          try {
            result = buildGraph(dir, { iterations: 5 });
          } catch (err) {
            if (!(err instanceof CorpusError)) throw err;
            expect(err.problems.length).toBeGreaterThan(0);
            expect(err.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
            for (const p of err.problems) {
              const shown = formatProblem(p);
              expect(shown, shown.slice(0, 300)).not.toMatch(/\n|Maximum call stack|RangeError|Invalid string length|\[object Object\]/);
              expect(shown.length).toBeLessThanOrEqual(700);
              if (p.line > 0) {
                const lines = readFileSync(resolve(p.file))
                  .toString("latin1")
                  .split(/\r\n|\r|\n/).length;
                expect(p.line, shown.slice(0, 300)).toBeLessThanOrEqual(lines);
              }
            }
            return;
          }
          expect(graphFileSchema.safeParse(exportGraph(result.graph)).success).toBe(true);
        } finally {
          rmSync(join(dir, ".."), { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS || 60 },
    );
  });
});
