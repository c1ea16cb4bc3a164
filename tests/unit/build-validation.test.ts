/**
 * One test per validation rule of the corpus build: a copy of the mini
 * fixture with one defect, built by the CLI. Each checks the exit code, the
 * exact `file:line: message`, and that the previous output survived intact.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../graph/build/index";
import { CorpusError, formatProblem } from "../../graph/build/problems";
import { isPartialDate } from "../../src/model/dates";
import { graphFileSchema } from "../../src/model/graph-file-schema";
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

afterAll(removeTempDirs);

interface Expected {
  file: string;
  line: number;
  message: string;
}

/**
 * Builds `dir` with the CLI over a previous output file and checks the build
 * failed cleanly: exit code 1, each expected `file:line: message` printed,
 * no stack trace, the previous output untouched and no temporary file left.
 * With `exact`, the expected problems must be all that was printed (in any order).
 */
async function expectRejected(dir: string, expected: Expected[], { exact = true } = {}): Promise<string[]> {
  const out = sentinelOut();
  const result = await buildWithCli(dir, out);
  const printed = problemLines(result.stderr);
  const wanted = expected.map((e) => `${where(dir, e.file, e.line)} ${e.message}`);
  // Load problems come before cross-file ones, so compare regardless of order.
  if (exact) expect([...printed].sort()).toEqual([...wanted].sort());
  else for (const line of wanted) expect(printed).toContain(line);
  const errors = printed.filter((l) => !l.includes(": warning: ") && !l.includes(": note: ")).length;
  expect(result.stderr).toContain(`graph: ${errors} error${errors === 1 ? "" : "s"}; nothing written`);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.code).toBe(1);
  expect(readFileSync(out, "utf8")).toBe(SENTINEL);
  expect(strayFiles(out)).toEqual([]);
  return printed;
}

/** Builds in-process; returns the problems, or [] when the build succeeded. */
function problemsOf(dir: string): string[] {
  try {
    buildGraph(dir, { iterations: 10 });
    return [];
  } catch (err) {
    if (!(err instanceof CorpusError)) throw err;
    return err.problems.map(formatProblem);
  }
}

const NOT_A_DATE = `"date" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`;

describe("the build reports each problem as file:line: message, writes nothing and exits 1", () => {
  it("a YAML syntax error", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "relation: sanctions\n", "relation: sanctions: yes\n");
    await expectRejected(dir, [
      {
        file: "triples/a2.yaml",
        line: lineOf(dir, "triples/a2.yaml", "sanctions: yes"),
        message: "YAML syntax error: Nested mappings are not allowed in compact mappings (column 15)",
      },
    ]);
  });

  it("a lone carriage return is a line break, as YAML has it: the error is on the line after it", async () => {
    const dir = copyCorpus();
    // "fixture" now starts a line of its own, where a key was expected.
    replaceInFile(dir, "corpus.yaml", "name: Mini fixture\n", "name: Mini \rfixture\n");
    await expectRejected(dir, [
      {
        file: "corpus.yaml",
        line: 2,
        message: "YAML syntax error: Implicit map keys need to be followed by map values (column 1)",
      },
    ]);
  });

  it("a duplicate key (YAML mapping keys must be unique)", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a1.yaml", "    date: 2013-11\n", "    date: 2013-11\n    date: 2013-12\n");
    await expectRejected(dir, [
      {
        file: "triples/a1.yaml",
        line: lineOf(dir, "triples/a1.yaml", "date: 2013-12"),
        message: "YAML syntax error: duplicated mapping key (column 5)",
      },
    ]);
  });

  it("a missing required field", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "    date: 2022-02-25\n", "");
    replaceInFile(
      dir,
      "triples/a1.yaml",
      "    quote: Russian Foreign Minister Sergei Lavrov met Japanese Foreign Minister Fumio Kishida.\n",
      "",
    );
    await expectRejected(dir, [
      // Reported at the entry the field is missing from.
      {
        file: "triples/a1.yaml",
        line: lineOf(dir, "triples/a1.yaml", "- subject: sergei-lavrov"),
        message: 'missing required field "quote"',
      },
      { file: "triples/a2.yaml", line: lineOf(dir, "triples/a2.yaml", "- subject: japan"), message: 'missing required field "date"' },
    ]);
  });

  it("a missing field of an actor, and of a relation, whatever its type", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "actors.yaml", "  kind: person\n", "");
    replaceInFile(dir, "relations.yaml", "  directed: false\n", "");
    const notChecked = (n: number, file: string) => `note: ${n} triples not checked: ${reportedPath(dir, file)} has errors`;
    await expectRejected(dir, [
      { file: "actors.yaml", line: lineOf(dir, "actors.yaml", "- id: sergei-lavrov"), message: 'missing required field "kind"' },
      { file: "relations.yaml", line: lineOf(dir, "relations.yaml", "- id: meets"), message: 'missing required field "directed"' },
      // The entries are dropped; the triples that name them are counted, not each reported as unknown.
      { file: "triples", line: 0, message: notChecked(3, "actors.yaml") },
      { file: "triples", line: 0, message: notChecked(3, "relations.yaml") },
    ]);
  });

  it("an empty required field (blank, or a key without a value)", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "quote: Lavrov and Kishida had met before, in 2013.", "quote: '   '");
    replaceInFile(dir, "triples/a1.yaml", "    date: 2013-11-02\n", "    date:\n");
    await expectRejected(dir, [
      { file: "triples/a1.yaml", line: lineOf(dir, "triples/a1.yaml", "date:\n"), message: '"date" is empty' },
      { file: "triples/a2.yaml", line: lineOf(dir, "triples/a2.yaml", "quote: '   '"), message: '"quote" is empty' },
    ]);
  });

  it("an unknown actor (in a triple and in an affiliation)", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "object: russia", "object: rusia");
    replaceInFile(dir, "actors.yaml", "affiliation: russia", "affiliation: soviet-union");
    await expectRejected(dir, [
      {
        file: "actors.yaml",
        line: lineOf(dir, "actors.yaml", "- id: sergei-lavrov"),
        message: 'unknown actor "soviet-union" in affiliation of "sergei-lavrov"',
      },
      { file: "triples/a2.yaml", line: lineOf(dir, "triples/a2.yaml", "- subject: japan"), message: 'unknown actor "rusia" as object' },
    ]);
  });

  it("an unknown relation", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "relation: lists-as-unfriendly", "relation: lists-as-unfriendy");
    await expectRejected(dir, [
      {
        file: "triples/a2.yaml",
        line: lineOf(dir, "triples/a2.yaml", "- subject: russia"),
        message: 'unknown relation "lists-as-unfriendy"',
      },
    ]);
  });

  it("an unknown article", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "article: a2", "article: a3");
    // Reported once, where the file names its article, not once per triple.
    await expectRejected(dir, [
      { file: "triples/a2.yaml", line: lineOf(dir, "triples/a2.yaml", "article: a3"), message: 'unknown article "a3"' },
    ]);
  });

  it("an unknown article in a triples file without triples", async () => {
    const dir = copyCorpus();
    writeFileSync(join(dir, "triples/a9.yaml"), "article: a9\ntriples: []\n");
    await expectRejected(dir, [{ file: "triples/a9.yaml", line: 1, message: 'unknown article "a9"' }]);
  });

  it("a quote with one letter changed is not verbatim", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "on 25 February 2022.", "on 26 February 2022.");
    await expectRejected(dir, [
      {
        file: "triples/a2.yaml",
        line: lineOf(dir, "triples/a2.yaml", "- subject: japan"),
        message: 'quote does not occur verbatim in the body of article "a2": "Japan imposed sanctions on Russia on 26 February 2022."',
      },
    ]);
  });

  it("a quote with a letter's case changed is not verbatim", async () => {
    const dir = copyCorpus();
    replaceInFile(
      dir,
      "triples/a1.yaml",
      "quote: Russian Foreign Minister Sergei Lavrov\n",
      "quote: Russian foreign minister Sergei Lavrov\n",
    );
    await expectRejected(dir, [
      {
        file: "triples/a1.yaml",
        line: lineOf(dir, "triples/a1.yaml", "- subject: sergei-lavrov", 2),
        message: 'quote does not occur verbatim in the body of article "a1": "Russian foreign minister Sergei Lavrov"',
      },
    ]);
  });

  it("an invalid date: month 13, 30 February", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "date: 2022-02-25", "date: 2022-13");
    replaceInFile(dir, "triples/a1.yaml", "    date: 2013-11-02\n", "    date: 2023-02-30\n");
    await expectRejected(dir, [
      { file: "triples/a1.yaml", line: lineOf(dir, "triples/a1.yaml", "2023-02-30"), message: NOT_A_DATE },
      { file: "triples/a2.yaml", line: lineOf(dir, "triples/a2.yaml", "2022-13"), message: NOT_A_DATE },
    ]);
  });

  it("a duplicate actor id", async () => {
    const dir = copyCorpus();
    const actors = readCorpusFile(dir, "actors.yaml");
    writeCorpusFile(dir, "actors.yaml", `${actors}- id: russia\n  label: Russian Federation\n  kind: country\n  description: Again.\n`);
    await expectRejected(dir, [
      {
        file: "actors.yaml",
        line: lineOf(dir, "actors.yaml", "- id: russia", 2),
        message: `duplicate actor id "russia" (first at ${reportedPath(dir, "actors.yaml")}:${lineOf(dir, "actors.yaml", "- id: russia")})`,
      },
    ]);
  });

  it("a duplicate relation id", async () => {
    const dir = copyCorpus();
    const relations = readCorpusFile(dir, "relations.yaml");
    writeCorpusFile(dir, "relations.yaml", `${relations}- id: meets\n  label: meets with\n  family: neutral\n  directed: false\n`);
    await expectRejected(dir, [
      {
        file: "relations.yaml",
        line: lineOf(dir, "relations.yaml", "- id: meets", 2),
        message: `duplicate relation id "meets" (first at ${reportedPath(dir, "relations.yaml")}:1)`,
      },
    ]);
  });

  it("an alias that names two actors (another's alias, or another's label in other case and spacing)", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "actors.yaml", "aliases: [Moscow]", "aliases: [Moscow, Tokyo]");
    replaceInFile(dir, "actors.yaml", "aliases: [Kishida]", "aliases: [Kishida, sergei  LAVROV]");
    await expectRejected(dir, [
      { file: "actors.yaml", line: lineOf(dir, "actors.yaml", "Tokyo]"), message: 'alias "Tokyo" also names actor "japan"' },
      {
        file: "actors.yaml",
        line: lineOf(dir, "actors.yaml", "LAVROV"),
        message: 'alias "sergei  LAVROV" also names actor "sergei-lavrov"',
      },
    ]);
  });

  it("a triple whose subject and object are the same actor", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "object: russia", "object: japan");
    await expectRejected(dir, [
      {
        file: "triples/a2.yaml",
        line: lineOf(dir, "triples/a2.yaml", "- subject: japan"),
        message: 'subject and object are the same actor "japan"',
      },
    ]);
  });

  it("a file that is not UTF-8", async () => {
    const dir = copyCorpus();
    const text = Buffer.from(readCorpusFile(dir, "articles/a2.yaml"), "utf8");
    const at = text.indexOf("Lavrov and Kishida");
    writeCorpusFile(dir, "articles/a2.yaml", Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at)]));
    await expectRejected(dir, [
      { file: "articles/a2.yaml", line: lineOf(dir, "articles/a2.yaml", "Kishida"), message: `file is not valid UTF-8 (byte ${at})` },
      // Without the article its triples cannot be checked: counted once, not reported as naming an unknown article.
      { file: "triples/a2.yaml", line: 1, message: `note: 3 triples not checked: ${reportedPath(dir, "articles/a2.yaml")} has errors` },
    ]);
  });

  it("an unknown field (a misspelt key)", async () => {
    const dir = copyCorpus();
    replaceInFile(
      dir,
      "triples/a1.yaml",
      "    quote: Japanese Foreign Minister Fumio Kishida\n",
      "    qoute: Japanese Foreign Minister Fumio Kishida\n",
    );
    await expectRejected(dir, [
      {
        file: "triples/a1.yaml",
        line: lineOf(dir, "triples/a1.yaml", "- subject: fumio-kishida"),
        message: 'missing required field "quote"',
      },
      { file: "triples/a1.yaml", line: lineOf(dir, "triples/a1.yaml", "qoute:"), message: 'unknown field "qoute"' },
    ]);
  });

  it("reports every problem of the corpus in one run: 3 errors in 2 files", async () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a2.yaml", "subject: japan", "subject: nippon");
    replaceInFile(dir, "triples/a2.yaml", "    date: 2022\n", "    date: 2022-00\n");
    replaceInFile(dir, "actors.yaml", "aliases: [Lavrov]", "aliases: [Lavrov, Kishida]");
    await expectRejected(dir, [
      // Reported where the name is given the second time: Fumio Kishida's own alias.
      { file: "actors.yaml", line: lineOf(dir, "actors.yaml", "[Kishida]"), message: 'alias "Kishida" also names actor "sergei-lavrov"' },
      { file: "triples/a2.yaml", line: lineOf(dir, "triples/a2.yaml", "2022-00"), message: NOT_A_DATE },
      { file: "triples/a2.yaml", line: lineOf(dir, "triples/a2.yaml", "- subject: nippon"), message: 'unknown actor "nippon" as subject' },
    ]);
  });
});

describe("warnings do not stop the build", () => {
  it("an actor that no triple uses is a warning; the file is written", async () => {
    const dir = copyCorpus();
    const actors = readCorpusFile(dir, "actors.yaml");
    writeCorpusFile(dir, "actors.yaml", `${actors}- id: china\n  label: China\n  kind: country\n  description: Unused.\n`);
    const out = sentinelOut();
    const result = await buildWithCli(dir, out);
    expect(result.code).toBe(0);
    expect(problemLines(result.stderr)).toEqual([
      `${where(dir, "actors.yaml", lineOf(dir, "actors.yaml", "- id: china"))} warning: actor "china" is used by no triple`,
    ]);
    expect(result.stderr).toMatch(/, 1 warning, in /);
    const written = graphFileSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(written.nodes.map((n) => n.key)).toContain("china");
    expect(strayFiles(out)).toEqual([]);
  });
});

describe("quotes: whitespace, quotation marks and dashes are normalised, nothing else", () => {
  it("accepts a straight-quoted quote of a curly-quoted body, and the reverse", () => {
    const dir = copyCorpus();
    // The fixture itself quotes “unfriendly” with straight quotes.
    expect(problemsOf(dir)).toEqual([]);
    replaceInFile(dir, "articles/a2.yaml", "“unfriendly”", '"unfriendly"');
    replaceInFile(dir, "triples/a2.yaml", 'list of "unfriendly" countries.', "list of „unfriendly“ countries.");
    replaceInFile(dir, "articles/a1.yaml", "Russian Foreign Minister Sergei", "Russia's Foreign Minister Sergei");
    replaceInFile(
      dir,
      "triples/a1.yaml",
      "quote: Russian Foreign Minister Sergei Lavrov met",
      "quote: Russia’s Foreign Minister Sergei Lavrov met",
    );
    replaceInFile(
      dir,
      "triples/a1.yaml",
      "quote: Russian Foreign Minister Sergei Lavrov\n",
      "quote: Russia‘s Foreign Minister Sergei Lavrov\n",
    );
    expect(problemsOf(dir)).toEqual([]);
  });

  it("accepts dash variants: hyphen, en dash, em dash, minus", () => {
    const dir = copyCorpus();
    replaceInFile(dir, "articles/a1.yaml", "2+2 meeting in Tokyo", "2+2 meeting – the first-ever – in Tokyo");
    replaceInFile(dir, "triples/a1.yaml", "2+2 meeting in Tokyo", "2+2 meeting — the first‐ever − in Tokyo");
    expect(problemsOf(dir)).toEqual([]);
  });

  it("accepts differences of whitespace: runs of spaces, tabs, a line break in the body", () => {
    const dir = copyCorpus();
    replaceInFile(dir, "articles/a1.yaml", "Sergei Lavrov met Japanese", "Sergei Lavrov met\n  Japanese");
    replaceInFile(
      dir,
      "triples/a1.yaml",
      "quote: Russian Foreign Minister Sergei Lavrov met Japanese Foreign Minister Fumio Kishida.",
      'quote: "Russian  Foreign\\tMinister Sergei Lavrov met Japanese Foreign Minister Fumio Kishida. "',
    );
    expect(problemsOf(dir)).toEqual([]);
  });

  it.each([
    ["whitespace where the body has none", "first 2+2 meeting", "first 2 + 2 meeting"],
    ["a missing word", "held their first 2+2", "held first 2+2"],
    ["a missing full stop inside", "November 2, 2013.", "November 2 2013."],
    ["an ellipsis for the omitted words", "Russia and Japan held their first 2+2 meeting", "Russia and Japan … meeting"],
    ["a different comma", "November 2, 2013.", "November 2‚ 2013."],
  ])("rejects %s", (_, from, to) => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a1.yaml", from, to);
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${where(dir, "triples/a1.yaml", 3)} quote does not occur verbatim`);
  });
});

describe("other checks", () => {
  it("dates: leap years, month and day ranges", () => {
    for (const ok of ["2022", "2022-12", "2024-02-29", "2000-02-29", "2023-04-30", "2023-01-31"]) expect(isPartialDate(ok), ok).toBe(true);
    for (const bad of [
      "2022-13",
      "2022-00",
      "2023-02-30",
      "2023-02-29",
      "1900-02-29",
      "2023-04-31",
      "2023-1",
      "22",
      "2023-01-01T00:00",
      "2023/01/01",
      "",
    ])
      expect(isPartialDate(bad), bad).toBe(false);
  });

  it("a duplicate article id (a1.yaml and a1.yml)", () => {
    const dir = copyCorpus();
    writeCorpusFile(dir, "articles/a1.yml", readCorpusFile(dir, "articles/a1.yaml"));
    expect(problemsOf(dir)).toEqual([
      `${where(dir, "articles/a1.yml", 1)} duplicate article id "a1" (first at ${reportedPath(dir, "articles/a1.yaml")}:1)`,
    ]);
  });

  it("an alias to an anchor that does not exist is a YAML error, not a crash", () => {
    const dir = copyCorpus();
    replaceInFile(dir, "triples/a1.yaml", "    date: 2013-11\n", "    date: *month\n");
    expect(problemsOf(dir)).toEqual([
      `${where(dir, "triples/a1.yaml", lineOf(dir, "triples/a1.yaml", "*month"))} YAML syntax error: unidentified alias "month" (column 17)`,
    ]);
  });

  it("a value that contains itself is reported at its alias, not a crash", () => {
    const dir = copyCorpus();
    replaceInFile(dir, "actors.yaml", "  kind: country\n", "  kind: &k [*k]\n");
    expect(problemsOf(dir)).toEqual([
      `${where(dir, "actors.yaml", 3)} a YAML alias makes a value contain itself`,
      `${reportedPath(dir, "triples")}: note: 7 triples not checked: ${reportedPath(dir, "actors.yaml")} has errors`,
    ]);
  });
});
