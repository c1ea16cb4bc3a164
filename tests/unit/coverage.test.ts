/**
 * The coverage report (graph/build/coverage.ts) and its helpers: actor mentions,
 * sentence splitting, the fixture with open items, the real corpus with none,
 * and the CLI's exit status.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coverageReport } from "../../graph/build/coverage";
import type { Actor } from "../../graph/build/corpus";
import { loadCorpus } from "../../graph/build/load";
import { MentionMatcher } from "../../graph/build/mentions";
import { splitSentences } from "../../graph/build/sentences";
import { ProblemList } from "../../graph/build/problems";

const ROOT = join(__dirname, "..", "..");
const REAL = join(ROOT, "graph", "corpus");
const FIXTURE = join(ROOT, "tests", "fixtures", "coverage-open");

function actor(id: string, label: string, aliases: string[] = []): Pick<Actor, "id" | "label" | "aliases"> {
  return { id, label, aliases: aliases.map((name) => ({ name, line: 1 })) };
}

function load(dir: string) {
  const problems = new ProblemList();
  const corpus = loadCorpus(dir, problems);
  expect(problems.errors).toEqual([]);
  return corpus;
}

describe("MentionMatcher", () => {
  const matcher = new MentionMatcher([
    actor("india", "India", ["Indian"]),
    actor("indian-navy", "Indian Navy"),
    actor("putin", "Vladimir Putin", ["Putin"]),
    actor("russia", "Russia", ["Russian"]),
    actor("us", "United States", ["U.S.", "US"]),
    actor("foip", "Free and Open Indo-Pacific", ["U.S.-led initiative"]),
    actor("abe", "Shinzo Abe", ["Abe"]),
  ]);

  it("lets the longest name win where names overlap", () => {
    expect(matcher.actorsIn("the Indian Navy sailed")).toEqual(["indian-navy"]);
    expect(matcher.find("Russian President Vladimir Putin").map((m) => [m.actor, m.name])).toEqual([
      ["russia", "Russian"],
      ["putin", "Vladimir Putin"],
    ]);
    expect(matcher.actorsIn("Russia is wary of the U.S.-led initiative.")).toEqual(["russia", "foip"]);
  });

  it("matches whole words only, ignoring case", () => {
    expect(matcher.actorsIn("Abel and Abenomics")).toEqual([]);
    expect(matcher.actorsIn("the USSR and Russians")).toEqual([]);
    expect(matcher.actorsIn("ABE met putin in russia")).toEqual(["abe", "putin", "russia"]);
    expect(matcher.actorsIn("Japan’s ties with Russia’s Far East")).toEqual(["russia"]);
  });

  it("matches names that end in punctuation, like U.S.", () => {
    expect(matcher.actorsIn("it could provoke the U.S. Several officials")).toEqual(["us"]);
    expect(matcher.actorsIn("the US’ containment strategy")).toEqual(["us"]);
  });
});

describe("splitSentences", () => {
  it("splits at sentence ends and at paragraphs, not after initials", () => {
    const body = "The U.S. Department of State will disapprove. Abe called “Putin”. Then he left\n\nIntroductory Observations\n\nLast one.";
    expect(splitSentences(body).map((s) => [s.paragraph, s.text])).toEqual([
      [0, "The U.S. Department of State will disapprove."],
      [0, 'Abe called "Putin".'],
      [0, "Then he left"],
      [1, "Introductory Observations"],
      [2, "Last one."],
    ]);
  });
});

describe("coverage of the fixture with open items", () => {
  const report = coverageReport(load(FIXTURE));
  const a1 = report.articles.find((a) => a.article === "a1")!;
  const a2 = report.articles.find((a) => a.article === "a2")!;

  it("finds the sentence no quote covers", () => {
    const open = a1.sentences.filter((s) => s.status === "open");
    expect(open.map((s) => [s.text, s.actors])).toEqual([
      ["Gammaland protested to Alphaland about the treaty.", ["gammaland", "alphaland"]],
    ]);
    expect(a1.sentences.find((s) => s.text.startsWith("Alphaland and Betaland"))?.status).toBe("covered");
  });

  it("finds the actors the body names and no triple of the article uses", () => {
    expect(a1.unusedActors.map((u) => u.actor).sort()).toEqual(["deltaland", "gammaland"]);
    expect(a1.unusedActors.find((u) => u.actor === "deltaland")?.sentences).toEqual(["Deltaland watched from afar."]);
  });

  it("does not count a name inside a longer one", () => {
    // "The Alphan Navy sailed home." names the navy only, so it is not a two-actor sentence.
    expect(a1.sentences.map((s) => s.text)).not.toContain("The Alphan Navy sailed home.");
  });

  it("honours reviewed sentences and settles actors named only there", () => {
    expect(a2.sentences.map((s) => s.status)).toEqual(["covered", "reviewed"]);
    expect(a2.unusedActors).toEqual([]);
    expect(a2.reviewedActors.sort()).toEqual(["alphaland", "epsilonia"]);
  });

  it("reports a reviewed entry that is not a whole sentence, at its file and line", () => {
    expect(report.reviewedProblems).toHaveLength(1);
    const p = report.reviewedProblems[0]!;
    expect(p.file).toMatch(/coverage-open[\\/]triples[\\/]a2\.yaml$/);
    expect(p.line).toBe(11);
    expect(p.message).toContain('did you mean: "Betaland warned Gammaland."');
  });

  it("finds the name that no actor or alias accounts for", () => {
    expect(a1.names.map((n) => [n.name, n.occurrences.map((o) => o.sentence)])).toEqual([
      ["U.N. Headquarters", ["Alphaland and Betaland signed a treaty at the U.N. Headquarters."]],
    ]);
    expect(a2.names).toEqual([]);
  });

  it("counts every open item", () => {
    expect(report.totals).toEqual({ multiActor: 4, covered: 2, reviewed: 1, open: 1, unusedActors: 2, names: 1 });
    expect(report.openItems).toBe(5);
  });
});

describe("coverage of the real corpus", () => {
  const corpus = load(REAL);
  const report = coverageReport(corpus);

  it("has nothing open", () => {
    const open = report.articles.flatMap((a) => [
      ...a.sentences.filter((s) => s.status === "open").map((s) => `${a.article}: ${s.text}`),
      ...a.unusedActors.map((u) => `${a.article}: unused ${u.actor}`),
      ...a.names.map((n) => `${a.article}: name without an actor ${n.name}`),
    ]);
    expect(open).toEqual([]);
    expect(report.reviewedProblems).toEqual([]);
    expect(report.openItems).toBe(0);
  });

  it("covers all five articles, most multi-actor sentences by a triple", () => {
    expect(report.articles.map((a) => a.article)).toHaveLength(5);
    for (const a of report.articles) {
      expect(a.counts.multiActor).toBeGreaterThan(0);
      expect(a.counts.covered).toBeGreaterThan(a.counts.reviewed);
    }
  });

  it("gives every reviewed entry a reason", () => {
    for (const r of corpus.reviewed) expect(r.reason.length).toBeGreaterThan(20);
  });
});

describe("npm run coverage", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "graph", "build", "coverage-cli.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("exits 0 on the real corpus and prints the summary", () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/≥2 actors\s+covered\s+reviewed\s+open/);
    expect(r.stdout).toContain("coverage: nothing open");
  });

  it("exits 1 on the fixture and names each open item with file:line", () => {
    const r = run("--corpus", FIXTURE);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/articles[\\/]a1\.yaml:5: open sentence naming gammaland, alphaland/);
    expect(r.stdout).toMatch(/actors\.yaml:16: actor "deltaland" is named in a1/);
    expect(r.stdout).toMatch(/triples[\\/]a2\.yaml:11: reviewed sentence is not a whole sentence/);
    expect(r.stdout).toMatch(/articles[\\/]a1\.yaml:5: name "U\.N\. Headquarters" matches no actor or alias/);
    expect(r.stdout).toContain("coverage: 5 open item(s)");
  });

  it("exits 2 on a bad flag, 1 with one line on a missing corpus", () => {
    expect(run("--nope").status).toBe(2);
    const missing = run("--corpus", join(FIXTURE, "does-not-exist"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/does-not-exist: corpus directory not found\ncoverage: 1 error; no report/);
  });
});
