/**
 * Reads a corpus directory into records that remember where each one came
 * from (file and line), collecting every read, syntax and schema problem, and
 * noting what could not be loaded whole (see `Gaps`).
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { z } from "zod";
import type { Actor, Article, Corpus, Gaps, Located, NotActor, Relation, Reviewed, Triple, TripleFile } from "./corpus";
import { describeFsError, errorCode, fileKind } from "./fs-errors";
import { parseYaml, readYamlFile, type LocatedYaml, type YamlPath } from "./located-yaml";
import { messagePath, type ProblemList } from "./problems";
import {
  actorSchema,
  articleSchema,
  corpusInfoSchema,
  describeIssue,
  notActorSchema,
  relationSchema,
  reviewedSchema,
  tripleFileSchema,
  tripleSchema,
} from "./schema";

/** A file that parsed: its name in messages and its document. */
interface Source {
  file: string;
  yaml: LocatedYaml;
}

export interface LoadOptions {
  /**
   * Texts that stand in for files (absolute path → YAML text), read as if they
   * were on disk, new files included: the curation studio checks a change with
   * the build's own rules before it writes it.
   */
  overlay?: ReadonlyMap<string, string>;
}

/** Where the loader reads: the disk, with the overlay's texts in front of it. */
class Files {
  private readonly overlay: ReadonlyMap<string, string>;
  constructor(overlay: ReadonlyMap<string, string> = new Map()) {
    this.overlay = new Map([...overlay].map(([path, text]) => [resolve(path), text]));
  }
  read(path: string) {
    const text = this.overlay.get(resolve(path));
    return text === undefined ? readYamlFile(path) : parseYaml(text);
  }
  /** Names in `dir` that only the overlay holds. */
  added(dir: string): string[] {
    const at = resolve(dir);
    return [...this.overlay.keys()].filter((p) => dirname(p) === at).map((p) => basename(p));
  }
}

function readSource(path: string, problems: ProblemList, files: Files): Source | null {
  const file = messagePath(path);
  const read = files.read(path);
  if (!read.ok) {
    problems.error(file, read.problem.line, read.problem.message);
    return null;
  }
  return { file, yaml: read.yaml };
}

/** `value` with a `file` and a `line` that is looked up only when read. */
function locate<T extends object>(value: T, source: Source, path: YamlPath): T & Located {
  return Object.defineProperties(value, {
    file: { value: source.file, enumerable: true },
    line: { get: () => source.yaml.lineAt(path), enumerable: true },
  }) as T & Located;
}

/**
 * Whether to stop checking, because the problem list is full: checking a
 * million bad entries only to count them costs more than it tells.
 */
function stop(problems: ProblemList): boolean {
  if (problems.full) problems.stopped = true;
  return problems.full;
}

/** Validates `value` (found at `path` in the file); reports each issue at its own line. */
function check<S extends z.ZodType>(schema: S, value: unknown, source: Source, path: YamlPath, problems: ProblemList): z.infer<S> | null {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const at = [...path, ...(issue.path as YamlPath)];
    const keyPath = issue.code === "unrecognized_keys" && issue.keys[0] ? [...at, issue.keys[0]] : at;
    problems.error(source.file, () => source.yaml.lineAt(keyPath), describeIssue(issue));
  }
  return null;
}

/** Whether `path` is a directory; reports why not. */
function isDirectory(path: string, problems: ProblemList, what = "directory"): boolean {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return true;
    problems.error(messagePath(path), 0, `${what} expected, but this is ${fileKind(stats)}`);
  } catch (err) {
    problems.error(
      messagePath(path),
      0,
      errorCode(err) === "ENOENT" ? `${what} not found` : `cannot read ${what}: ${describeFsError(err)}`,
    );
  }
  return false;
}

/** The YAML files of a directory, in name order, or null (reported) when it cannot be listed. */
function listYaml(dir: string, problems: ProblemList, files: Files): string[] | null {
  const added = files.added(dir);
  // A directory that only the overlay fills (the first triples file) need not exist yet.
  const onDisk = added.length > 0 && !pathExists(dir) ? [] : listDir(dir, problems);
  if (!onDisk) return null;
  return [...new Set([...onDisk, ...added])]
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function pathExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    return errorCode(err) !== "ENOENT";
  }
}

/** The names in a directory, or null (reported) when it cannot be listed. */
function listDir(dir: string, problems: ProblemList): string[] | null {
  if (!isDirectory(dir, problems)) return null;
  try {
    return readdirSync(dir);
  } catch (err) {
    problems.error(messagePath(dir), 0, `cannot list directory: ${describeFsError(err)}`);
    return null;
  }
}

function loadArticles(dir: string, problems: ProblemList, gaps: Gaps, files: Files): Article[] {
  const out: Article[] = [];
  const paths = listYaml(join(dir, "articles"), problems, files);
  if (!paths) {
    gaps.articleDir = messagePath(join(dir, "articles"));
    return out;
  }
  for (const path of paths) {
    const id = basename(path).replace(/\.ya?ml$/, "");
    if (stop(problems)) {
      gaps.articles.set(id, messagePath(path));
      continue;
    }
    const source = readSource(path, problems, files);
    const a = source && check(articleSchema, source.yaml.value, source, [], problems);
    if (!source || !a) gaps.articles.set(id, messagePath(path));
    else out.push({ id, file: source.file, line: 1, ...a });
  }
  return out;
}

/** Reads a top-level list file, checking each item on its own so one bad item hides no other. */
function loadList<S extends z.ZodType>(
  path: string,
  schema: S,
  problems: ProblemList,
  files: Files,
): { entries: { item: z.infer<S>; source: Source; index: number }[]; complete: boolean } {
  const source = readSource(path, problems, files);
  if (!source) return { entries: [], complete: false };
  const value = source.yaml.value;
  if (!Array.isArray(value)) {
    problems.error(
      source.file,
      1,
      value === null || value === undefined ? "file is empty: a list of entries expected" : "expected a list of entries",
    );
    return { entries: [], complete: false };
  }
  const entries: { item: z.infer<S>; source: Source; index: number }[] = [];
  for (let index = 0; index < value.length && !stop(problems); index++) {
    const item = check(schema, value[index], source, [index], problems);
    if (item) entries.push({ item, source, index });
  }
  return { entries, complete: entries.length === value.length };
}

function loadActors(dir: string, problems: ProblemList, gaps: Gaps, files: Files): Actor[] {
  const path = join(dir, "actors.yaml");
  const { entries, complete } = loadList(path, actorSchema, problems, files);
  if (!complete) gaps.actors = messagePath(path);
  return entries.map(({ item, source, index }) =>
    locate({ ...item, aliases: item.aliases.map((name, k) => locate({ name }, source, [index, "aliases", k])) }, source, [index]),
  );
}

function loadRelations(dir: string, problems: ProblemList, gaps: Gaps, files: Files): Relation[] {
  const path = join(dir, "relations.yaml");
  const { entries, complete } = loadList(path, relationSchema, problems, files);
  if (!complete) gaps.relations = messagePath(path);
  return entries.map(({ item, source, index }) => locate({ ...item }, source, [index]));
}

function loadTriples(
  dir: string,
  problems: ProblemList,
  gaps: Gaps,
  files: Files,
): Pick<Corpus, "triples" | "reviewed" | "notActors" | "tripleFiles"> {
  const tripleFiles: TripleFile[] = [];
  const triples: Triple[] = [];
  const reviewed: Reviewed[] = [];
  const notActors: NotActor[] = [];
  const paths = listYaml(join(dir, "triples"), problems, files);
  if (!paths) gaps.triples = true;
  for (const path of paths ?? []) {
    if (stop(problems)) {
      gaps.triples = true;
      break;
    }
    const source = readSource(path, problems, files);
    const head = source && check(tripleFileSchema, source.yaml.value, source, [], problems);
    if (!source || !head) {
      gaps.triples = true;
      continue;
    }
    tripleFiles.push(locate({ article: head.article }, source, ["article"]));
    for (let i = 0; i < head.triples.length; i++) {
      const t = !stop(problems) && check(tripleSchema, head.triples[i], source, ["triples", i], problems);
      if (t) triples.push(locate({ ...t, article: head.article }, source, ["triples", i]));
      else gaps.triples = true;
    }
    for (let i = 0; i < head.reviewed.length && !stop(problems); i++) {
      const r = check(reviewedSchema, head.reviewed[i], source, ["reviewed", i], problems);
      if (r) reviewed.push(locate({ ...r, article: head.article }, source, ["reviewed", i]));
    }
    for (let i = 0; i < head.not_actors.length && !stop(problems); i++) {
      const n = check(notActorSchema, head.not_actors[i], source, ["not_actors", i], problems);
      if (n) notActors.push(locate({ ...n, article: head.article }, source, ["not_actors", i]));
    }
  }
  return { triples, reviewed, notActors, tripleFiles };
}

function loadName(dir: string, problems: ProblemList, files: Files): string {
  const path = join(dir, "corpus.yaml");
  try {
    statSync(path);
  } catch (err) {
    // corpus.yaml is optional: without it the corpus is named after its directory.
    if (errorCode(err) === "ENOENT") return basename(dir);
  }
  const source = readSource(path, problems, files);
  if (!source) return basename(dir);
  return check(corpusInfoSchema, source.yaml.value, source, [], problems)?.name ?? basename(dir);
}

/** Reads every corpus file; read, syntax and schema problems go to `problems`, the rest is returned. */
export function loadCorpus(dir: string, problems: ProblemList, options: LoadOptions = {}): Corpus {
  const gaps: Gaps = { articles: new Map(), triples: false };
  const none = { triples: [], reviewed: [], notActors: [], tripleFiles: [] };
  const empty = { dir, name: basename(dir), articles: [], actors: [], relations: [], ...none, gaps };
  // A corpus that is not there is one problem, not one per file it should hold.
  if (!isDirectory(dir, problems, "corpus directory")) return empty;
  const files = new Files(options.overlay);
  const name = loadName(dir, problems, files);
  const articles = loadArticles(dir, problems, gaps, files);
  const actors = loadActors(dir, problems, gaps, files);
  const relations = loadRelations(dir, problems, gaps, files);
  return { dir, name, articles, actors, relations, ...loadTriples(dir, problems, gaps, files), gaps };
}

/** A YAML file of the corpus as read, for the readers of other folders (stories.ts). */
export interface CorpusYaml {
  /** The file as messages name it. */
  file: string;
  value: unknown;
  lineAt(path: YamlPath): number;
}

/** The YAML files of a folder of the corpus, read with the corpus's limits; problems are reported. */
export function readYamlFolder(dir: string, problems: ProblemList, options: LoadOptions = {}): CorpusYaml[] {
  const files = new Files(options.overlay);
  const out: CorpusYaml[] = [];
  for (const path of listYaml(dir, problems, files) ?? []) {
    const source = readSource(path, problems, files);
    if (source) out.push({ file: source.file, value: source.yaml.value, lineAt: (p) => source.yaml.lineAt(p) });
  }
  return out;
}

/** Validates `value` at `path` of a file read by `readYamlFolder`; reports each issue at its own line. */
export function checkYaml<S extends z.ZodType>(
  schema: S,
  value: unknown,
  yaml: CorpusYaml,
  path: YamlPath,
  problems: ProblemList,
): z.infer<S> | null {
  return check(schema, value, { file: yaml.file, yaml: { lineAt: (p: YamlPath) => yaml.lineAt(p) } as LocatedYaml }, path, problems);
}
