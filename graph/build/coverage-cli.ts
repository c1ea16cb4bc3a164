/** `npm run coverage`: what each article names that its triples do not account for. */
import { resolve } from "node:path";
import type { Corpus } from "./corpus";
import { coverageReport, type ArticleCoverage } from "./coverage";
import { loadCorpus } from "./load";
import { YAML_LIMITS } from "./located-yaml";
import { errorSummary, internalError, printProblems } from "./print";
import { ProblemList, quoted } from "./problems";
import { readRegularFile } from "./read-file";
import { validateCorpus } from "./validate";
import { normalizeText } from "../../src/model/text";
import { readOptions } from "./command-line";

const HELP = `Usage: npm run coverage -- [--corpus DIR]

Lists, per article, every sentence of the body that names two or more registry
actors and is neither covered by a triple's quote nor in the article's
"reviewed" list, every actor the body names that no triple of that article
uses, and every name of the body that matches no actor or alias and is not in
the article's "not_actors" list. Then prints a summary table.

  --corpus DIR   corpus directory (default: graph/corpus)
  --help         show this help

The corpus is validated first, as npm run graph validates it: a corpus with
errors gets the same messages and no report.

Exit status: 0 when nothing is open, 1 when something is or the corpus has
errors, 2 for a wrong option.`;

/** Longest sentence printed whole. */
const MAX_SENTENCE = 600;

/** 1-based line of the article file on which `sentence` starts, or 0. */
function lineOf(file: string, sentence: string): number {
  const read = readRegularFile(file, YAML_LIMITS.maxBytes);
  if (!read.ok) return 0;
  const lines = read.bytes.toString("utf8").split(/\r\n|\r|\n/);
  const head = sentence.slice(0, 40);
  const i = lines.findIndex((l) => normalizeText(l).includes(head));
  return i + 1;
}

function where(file: string, line: number): string {
  return line > 0 ? `${file}:${line}` : file;
}

function printArticle(a: ArticleCoverage, corpus: Corpus): void {
  const article = corpus.articles.find((x) => x.id === a.article)!;
  const actors = new Map(corpus.actors.map((x) => [x.id, x]));
  const open = a.sentences.filter((s) => s.status === "open");
  if (open.length === 0 && a.unusedActors.length === 0 && a.names.length === 0) return;
  console.log(`\n${a.article} — ${a.title}`);
  for (const s of open) {
    console.log(`${where(article.file, lineOf(article.file, s.text))}: open sentence naming ${s.actors.join(", ")}:`);
    console.log(`    ${quoted(s.text, MAX_SENTENCE)}`);
  }
  for (const u of a.unusedActors) {
    const actor = actors.get(u.actor)!;
    console.log(`${where(actor.file, actor.line)}: actor "${u.actor}" is named in ${a.article} but used by no triple of it, e.g. in:`);
    console.log(`    ${quoted(u.sentences[0]!, MAX_SENTENCE)}`);
  }
  for (const n of a.names) {
    const first = n.occurrences[0]!.sentence;
    const times = n.occurrences.length > 1 ? ` (${n.occurrences.length} times)` : "";
    console.log(`${where(article.file, lineOf(article.file, first))}: name ${quoted(n.name)}${times} matches no actor or alias, in:`);
    console.log(`    ${quoted(first, MAX_SENTENCE)}`);
  }
}

function pad(s: string | number, n: number, left = false): string {
  const t = String(s);
  return left ? t.padEnd(n) : t.padStart(n);
}

function main(argv: string[]): number {
  const args = readOptions("coverage", HELP, argv, {
    corpus: { type: "string", default: "graph/corpus" },
    help: { type: "boolean", default: false },
  });
  if (typeof args === "number") return args;
  const problems = new ProblemList();
  const corpus = loadCorpus(resolve(args.corpus), problems);
  validateCorpus(corpus, problems);
  printProblems(problems.items, problems.omitted, problems.stopped);
  if (problems.errorCount > 0) {
    console.error(
      errorSummary("coverage", problems.errorCount, "no report for a corpus that does not build (npm run graph says the same)"),
    );
    return 1;
  }
  const report = coverageReport(corpus);

  for (const a of report.articles) printArticle(a, corpus);
  if (report.reviewedProblems.length > 0) console.log("");
  for (const p of report.reviewedProblems) console.log(`${where(p.file, p.line)}: ${p.message}`);

  const w = Math.max(7, ...report.articles.map((a) => a.article.length));
  const header = `${pad("article", w, true)}  ≥2 actors  covered  reviewed  open  unused actors  names without actor`;
  console.log(`\n${header}\n${"-".repeat(header.length)}`);
  const row = (name: string, c: ArticleCoverage["counts"]) =>
    console.log(
      `${pad(name, w, true)}  ${pad(c.multiActor, 9)}  ${pad(c.covered, 7)}  ${pad(c.reviewed, 8)}  ${pad(c.open, 4)}  ${pad(c.unusedActors, 13)}  ${pad(c.names, 19)}`,
    );
  for (const a of report.articles) row(a.article, a.counts);
  console.log("-".repeat(header.length));
  row("total", report.totals);
  if (report.reviewedProblems.length > 0) console.log(`${report.reviewedProblems.length} reviewed entries match no sentence`);
  console.log(report.openItems === 0 ? "\ncoverage: nothing open" : `\ncoverage: ${report.openItems} open item(s)`);
  return report.openItems === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(internalError("coverage", err));
  process.exitCode = 1;
}
