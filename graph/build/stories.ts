/**
 * The corpus's stories: graph/corpus/stories/<id>.yaml, each a title and
 * steps (a caption, a view, the quotes it cites). Read with the loader's
 * helpers (readYaml, check, lineAt), checked against the rest of the corpus,
 * and handed to the graph as StoryRecords. A story names actors, relations
 * (edges), relation types, kinds and articles the corpus must have, views the
 * model's view rules accept, and quotes that occur verbatim in their article.
 */
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { ACTOR_KINDS, type StoryRecord } from "../../src/model/graph-file";
import { MAX_CAPTION, STORY_ID, viewDelta } from "../../src/model/story";
import { containsVerbatim, normalizeText } from "../../src/model/text";
import { readView, viewIssues } from "../../src/model/view-state";
import { edgeKey } from "./assemble";
import type { Corpus } from "./corpus";
import type { YamlPath as Path } from "./located-yaml";
import { checkYaml as check, readYamlFolder, type CorpusYaml as YamlFile } from "./load";
import { messagePath as relFile } from "./problems";
import type { ProblemList } from "./problems";

const text = z.string().trim().min(1);

const storyFileSchema = z.strictObject({
  title: text,
  description: text.optional(),
  steps: z.array(z.unknown()).min(1),
});

const stepSchema = z.strictObject({
  caption: text.max(MAX_CAPTION),
  view: z.record(z.string(), z.unknown()).default({}),
  quotes: z.array(z.strictObject({ article: text, quote: text })).default([]),
});

type Step = z.infer<typeof stepSchema>;

/** A story file as read: its id, its steps, and the file to locate problems in. */
export interface LoadedStory {
  id: string;
  title: string;
  description?: string;
  steps: Step[];
  yaml: YamlFile;
}

/**
 * YAML reads a bare 2013 as a number; a date bound is text either way, as
 * in the triples. Only the bounds of `time` and of the compared periods.
 */
function datesAsText(view: Record<string, unknown>): Record<string, unknown> {
  const asText = (w: unknown) => {
    if (typeof w !== "object" || w === null || Array.isArray(w)) return w;
    const out: Record<string, unknown> = { ...w };
    for (const end of ["from", "to"]) if (Number.isInteger(out[end])) out[end] = String(out[end]);
    return out;
  };
  const out = { ...view };
  if (Object.hasOwn(out, "time")) out.time = asText(out.time);
  const compare = out.compare;
  if (typeof compare === "object" && compare !== null && !Array.isArray(compare)) {
    const c = compare as Record<string, unknown>;
    out.compare = { ...c, ...(Object.hasOwn(c, "a") && { a: asText(c.a) }), ...(Object.hasOwn(c, "b") && { b: asText(c.b) }) };
  }
  return out;
}

/** Reads graph/corpus/stories/*.yaml, if the folder exists: syntax and schema problems go to `problems`. */
export function loadStories(dir: string, problems: ProblemList): LoadedStory[] {
  const folder = join(dir, "stories");
  if (!existsSync(folder)) return [];
  if (!statSync(folder).isDirectory()) {
    problems.error(relFile(folder), 0, "expected a folder of story files");
    return [];
  }
  const out: LoadedStory[] = [];
  for (const yaml of readYamlFolder(folder, problems)) {
    const read = { yaml, value: yaml.value };
    const path = yaml.file;
    const id = basename(path).replace(/\.ya?ml$/, "");
    if (!STORY_ID.test(id))
      problems.error(
        read.yaml.file,
        0,
        `story file name "${basename(path)}" must be lowercase letters, digits and dashes (it is the story's id)`,
      );
    const head = check(storyFileSchema, read.value, read.yaml, [], problems);
    if (!head) continue;
    const steps: Step[] = [];
    head.steps.forEach((raw, i) => {
      const step = check(stepSchema, raw, read.yaml, ["steps", i], problems);
      if (step) steps.push({ ...step, view: datesAsText(step.view) });
    });
    if (steps.length !== head.steps.length) continue;
    out.push({ id, title: head.title, ...(head.description !== undefined && { description: head.description }), steps, yaml: read.yaml });
  }
  return out;
}

/** What the graph built from this corpus has, for a story to name. */
function corpusTargets(corpus: Corpus) {
  const directed = new Map(corpus.relations.map((r) => [r.id, r.directed]));
  const edges = new Set<string>();
  for (const t of corpus.triples) {
    // Keyed as assemble keys them: an undirected relation once, its actors in order.
    const [s, o] = directed.get(t.relation) === false && t.object < t.subject ? [t.object, t.subject] : [t.subject, t.object];
    edges.add(edgeKey(s, t.relation, o));
  }
  return {
    actors: new Set(corpus.actors.map((a) => a.id)),
    relations: new Set(corpus.relations.map((r) => r.id)),
    articles: new Map(corpus.articles.map((a) => [a.id, normalizeText(a.body)])),
    kinds: new Set<string>(ACTOR_KINDS),
    edges,
  };
}

/**
 * Checks every story against the corpus and the view rules; returns the
 * records the graph carries (each view stored as what differs from the
 * default), or nothing useful when there were errors (the build stops).
 */
export function checkStories(stories: readonly LoadedStory[], corpus: Corpus, problems: ProblemList): StoryRecord[] {
  const known = corpusTargets(corpus);
  const records: StoryRecord[] = [];
  for (const story of stories) {
    const { yaml } = story;
    const at = (path: Path, message: string) => problems.error(yaml.file, yaml.lineAt(path), message);
    story.steps.forEach((step, i) => {
      const base: Path = ["steps", i, "view"];
      const view = step.view;
      for (const issue of viewIssues(view)) at([...base, ...issue.path], `step ${i + 1}: ${issue.message}`);
      const actor = (path: Path, value: unknown) => {
        if (typeof value === "string" && !known.actors.has(value)) at([...base, ...path], `step ${i + 1}: unknown actor "${value}"`);
      };
      actor(["selected"], view.selected);
      const path = view.path as Record<string, unknown> | undefined;
      if (path && typeof path === "object") {
        actor(["path", "from"], path.from);
        actor(["path", "to"], path.to);
      }
      const edge = view.selectedEdge;
      if (typeof edge === "string" && !known.edges.has(edge))
        at(
          [...base, "selectedEdge"],
          `step ${i + 1}: unknown relation "${edge}" (a relation is subject|relation|object as the graph keys it; an undirected one lists its actors in alphabetical order)`,
        );
      const filters = view.filters as Record<string, unknown> | undefined;
      const lists: [string, ReadonlySet<string> | ReadonlyMap<string, string>, string][] = [
        ["kinds", known.kinds, "actor kind"],
        ["relations", known.relations, "relation type"],
        ["articles", known.articles, "article"],
      ];
      if (filters && typeof filters === "object")
        for (const [name, set, noun] of lists) {
          const values = filters[name];
          if (Array.isArray(values))
            values.forEach((v, k) => {
              if (typeof v === "string" && !set.has(v)) at([...base, "filters", name, k], `step ${i + 1}: unknown ${noun} "${v}"`);
            });
        }
      step.quotes.forEach((q, k) => {
        const body = known.articles.get(q.article);
        const where: Path = ["steps", i, "quotes", k];
        if (body === undefined) at([...where, "article"], `step ${i + 1}: unknown article "${q.article}"`);
        else if (!containsVerbatim(body, q.quote, true))
          at([...where, "quote"], `step ${i + 1}: quote does not occur verbatim in the body of article "${q.article}": "${q.quote}"`);
      });
    });
    const targets = { hasNode: (k: string) => known.actors.has(k), hasEdge: (k: string) => known.edges.has(k) };
    records.push({
      id: story.id,
      title: story.title,
      ...(story.description !== undefined && { description: story.description }),
      steps: story.steps.map((s) => ({
        // Folded YAML leaves line breaks and runs of spaces; a card shows one paragraph.
        caption: s.caption.replace(/\s+/g, " ").trim(),
        view: viewDelta(readView(s.view, targets, [])),
        quotes: s.quotes.map((q) => ({ article: q.article, quote: normalizeText(q.quote) })),
      })),
    });
  }
  return records;
}
