/**
 * The studio's view of a corpus (protocol.ts `StudioState`), computed with
 * the build's own parts: the loader and validator, the sentence splitter, the
 * mention matcher, the coverage report, the name finder and the proposals.
 * Offsets are into each body as written, so the page can show the text the
 * curator will quote and a selection of it is verbatim.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { cueMatcher, proposeTriple } from "../build/candidates";
import type { Article, Corpus } from "../build/corpus";
import { coverageReport, type ArticleCoverage } from "../build/coverage";
import { loadCorpus, type LoadOptions } from "../build/load";
import { MentionMatcher } from "../build/mentions";
import { NameFinder, vocabularyOf } from "../build/names";
import { ProblemList, type Problem } from "../build/problems";
import { splitBody } from "../build/sentences";
import { nameKey, validateCorpus } from "../build/validate";
import { ACTOR_KINDS } from "../../src/model/graph-file";
import { normalizeText, normalizeWithMap, slugify } from "../../src/model/text";
import type { CorpusFiles } from "./files";
import type { ActorDraft, ArticleInfo, NameInfo, SentenceInfo, StudioProblem, StudioState } from "./protocol";

/** The corpus as loaded and checked, with every problem the build finds. */
export interface Checked {
  corpus: Corpus;
  problems: ProblemList;
}

export function checkCorpus(dir: string, options: LoadOptions = {}): Checked {
  const problems = new ProblemList(Number.MAX_SAFE_INTEGER);
  const corpus = loadCorpus(dir, problems, options);
  validateCorpus(corpus, problems);
  return { corpus, problems };
}

/** A build problem with its file named relative to the corpus. */
export function studioProblem(p: Problem, files: CorpusFiles): StudioProblem {
  return { file: files.relativeOf(resolve(p.file)) ?? p.file, line: p.line, message: p.message, severity: p.severity };
}

/** Every YAML file the corpus has, relative to it. */
export function corpusFileNames(files: CorpusFiles): string[] {
  const list = (sub: string) => {
    try {
      return readdirSync(join(files.root, sub))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => (sub ? `${sub}/${f}` : f));
    } catch {
      return [];
    }
  };
  return [...list(""), ...list("articles"), ...list("triples")].sort();
}

/** Kinds a name's last word suggests; the curator decides. */
const KIND_WORDS: [RegExp, string][] = [
  [/\b(Sea|Ocean|Strait|Bay|Gulf|River|Mountains?|Prefecture|Province|Region|Peninsula|Pacific|Arctic|Atlantic|East|West)$/i, "place"],
  [/\b(Islands?|Territor(y|ies))$/i, "territory"],
  [/\b(Treaty|Declaration|Charter|Agreement|Accord|Resolutions?|Statement|Convention|Protocol|Policy|Strategy)$/i, "document"],
  [/\b(War|Crisis|Summit|Exercises?|Conference|Meeting|Games|Olympics)$/i, "event"],
  [/\b(Alliance|Group|Quad|Partnership|Forum|Dialogue|Framework)$/i, "grouping"],
];

function suggestKind(name: string): string {
  return KIND_WORDS.find(([re]) => re.test(name))?.[1] ?? "organization";
}

function suggestActor(name: string, sentence: string, taken: Set<string>): ActorDraft {
  const label = name.replace(/^the /i, "");
  const base = slugify(label) || "actor";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const cut = sentence.length > 240 ? `${sentence.slice(0, 239)}…` : sentence;
  return { id, label, kind: suggestKind(label), aliases: [], description: `${label}, as in: "${cut}"` };
}

interface ArticleParts {
  article: Article;
  coverage: ArticleCoverage;
  actors: MentionMatcher;
  cues: MentionMatcher;
  finder: NameFinder;
  corpus: Corpus;
  files: CorpusFiles;
  takenIds: Set<string>;
}

function articleInfo({ article, coverage, actors, cues, finder, corpus, files, takenIds }: ArticleParts): ArticleInfo {
  const split = splitBody(article.body);
  const mapped = normalizeWithMap(article.body);
  // The splitter's text and the mapped text are the same normalisation; if they ever differ, offsets are looked up one by one.
  const raw =
    mapped.text === split.text
      ? (start: number, end: number) => ({ start: mapped.map[start]!, end: mapped.map[end - 1]! + 1 })
      : (start: number, end: number) => {
          const at = article.body.indexOf(split.text.slice(start, end));
          return at < 0 ? { start: 0, end: 0 } : { start: at, end: at + (end - start) };
        };

  const status = new Map(coverage.sentences.map((s) => [s.text, s.status]));
  const reasons = new Map(corpus.reviewed.filter((r) => r.article === article.id).map((r) => [normalizeText(r.sentence), r.reason]));
  const triples = corpus.triples.filter((t) => t.article === article.id);
  const quotes = triples.map((t) => normalizeText(t.quote));
  const openNames = new Map(coverage.names.map((n) => [n.key, n]));

  const sentences: SentenceInfo[] = [];
  const paragraphs: number[][] = [];
  let lastParagraph = -1;
  for (const span of split.spans) {
    const text = split.text.slice(span.start, span.end);
    if (!text) continue;
    if (span.paragraph !== lastParagraph) {
      paragraphs.push([]);
      lastParagraph = span.paragraph;
    }
    paragraphs[paragraphs.length - 1]!.push(sentences.length);
    const at = (s: number, e: number) => raw(span.start + s, span.start + e);
    const st = status.get(text) ?? "single";
    sentences.push({
      ...raw(span.start, span.end),
      text,
      status: st,
      ...(st === "reviewed" && { reason: reasons.get(text) }),
      mentions: actors.find(text).map((m) => ({ actor: m.actor, ...at(m.start, m.end) })),
      names: finder
        .inSentence(text)
        .map((o) => ({ key: nameKey(text.slice(o.start, o.end)), ...at(o.start, o.end) }))
        .filter((n) => openNames.has(n.key)),
      triples: quotes.flatMap((q, i) => (q && (text.includes(q) || q.includes(text)) ? [i] : [])),
    });
  }

  const sentenceIndex = new Map<string, number>();
  sentences.forEach((s, i) => sentenceIndex.has(s.text) || sentenceIndex.set(s.text, i));
  const names: NameInfo[] = coverage.names.map((n) => {
    const first = n.occurrences[0]!.sentence;
    const suggestion = suggestActor(n.name, first, takenIds);
    return { name: n.name, key: n.key, sentences: [...new Set(n.occurrences.map((o) => sentenceIndex.get(o.sentence) ?? 0))], suggestion };
  });

  const candidates = sentences.flatMap((s, index) => {
    if (s.status !== "open") return [];
    const proposal = proposeTriple(s.text, article, { actors, cues });
    if (!proposal) return [];
    return [
      {
        sentence: index,
        actors: [...new Set(s.mentions.map((m) => m.actor))],
        proposal: { ...proposal, relation: proposal.relation ?? "" },
      },
    ];
  });

  const triplesFile = corpus.tripleFiles.find((f) => f.article === article.id)?.file;
  return {
    id: article.id,
    file: files.relativeOf(resolve(article.file)) ?? `articles/${article.id}.yaml`,
    triplesFile: (triplesFile && files.relativeOf(resolve(triplesFile))) || `triples/${article.id}.yaml`,
    title: article.title,
    publisher: article.publisher,
    ...(article.author !== undefined && { author: article.author }),
    date: article.date,
    body: article.body,
    paragraphs,
    sentences,
    triples: triples.map((t) => ({
      subject: t.subject,
      relation: t.relation,
      object: t.object,
      date: t.date,
      quote: t.quote,
      line: t.line,
    })),
    names,
    notActors: corpus.notActors.filter((n) => n.article === article.id).map((n) => ({ name: n.name, reason: n.reason })),
    candidates,
    counts: coverage.counts,
  };
}

/** The state the page shows; `versions` are read before the corpus, so a write based on it never overwrites a later edit. */
export function studioState(files: CorpusFiles): StudioState {
  const versions: StudioState["versions"] = {};
  for (const rel of corpusFileNames(files)) {
    try {
      versions[rel] = files.read(rel).version;
    } catch {
      // A file the studio may not touch (a symbolic link): no version, so no change to it is accepted.
    }
  }
  const { corpus, problems } = checkCorpus(files.root);
  for (const a of corpus.articles) if (!(`triples/${a.id}.yaml` in versions)) versions[`triples/${a.id}.yaml`] = null;

  const coverage = coverageReport(corpus);
  const actors = new MentionMatcher(corpus.actors);
  const cues = cueMatcher(corpus.relations);
  const finder = new NameFinder(actors, vocabularyOf(corpus.articles.map((a) => a.body)));
  const takenIds = new Set(corpus.actors.map((a) => a.id));
  const uses = new Map<string, number>();
  for (const t of corpus.triples) for (const id of [t.subject, t.object]) uses.set(id, (uses.get(id) ?? 0) + 1);

  const articles = coverage.articles.map((c) => {
    const article = corpus.articles.find((a) => a.id === c.article)!;
    return articleInfo({ article, coverage: c, actors, cues, finder, corpus, files, takenIds });
  });
  return {
    corpus: { name: corpus.name, dir: files.root },
    articles,
    actors: corpus.actors.map((a) => ({
      id: a.id,
      label: a.label,
      kind: a.kind,
      aliases: a.aliases.map((x) => x.name),
      description: a.description,
      ...(a.role !== undefined && { role: a.role }),
      ...(a.affiliation !== undefined && { affiliation: a.affiliation }),
      uses: uses.get(a.id) ?? 0,
    })),
    relations: corpus.relations.map((r) => ({ id: r.id, label: r.label, family: r.family, directed: r.directed, cues: r.cues ?? [] })),
    kinds: ACTOR_KINDS,
    problems: [
      ...problems.items.map((p) => studioProblem(p, files)),
      ...coverage.reviewedProblems.map((p) => studioProblem({ ...p, severity: "error" }, files)),
    ],
    versions,
    openItems: coverage.openItems,
  };
}
