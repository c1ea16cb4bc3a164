/**
 * Reads a corpus directory into plain records that remember where each one
 * came from (file and line), collecting every syntax and schema problem.
 */
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { LineCounter, parseDocument, isNode, visit, type Document } from "yaml";
import type { z } from "zod";
import type { ArticleMeta } from "../../src/model/graph-file";
import { ProblemList } from "./problems";
import { firstInvalidUtf8, lineOfOffset } from "./text";
import {
  actorSchema,
  articleSchema,
  corpusInfoSchema,
  describeIssue,
  relationSchema,
  reviewedSchema,
  tripleFileSchema,
  tripleSchema,
} from "./schema";

export interface Located {
  file: string;
  line: number;
}

/** An article as graph.json describes it, plus where its file is. */
export interface Article extends Located, ArticleMeta {}

export interface Actor extends Located {
  id: string;
  label: string;
  kind: z.infer<typeof actorSchema>["kind"];
  aliases: { name: string; line: number }[];
  description: string;
  role?: string;
  affiliation?: string;
}

export interface Relation extends Located {
  id: string;
  label: string;
  family: z.infer<typeof relationSchema>["family"];
  directed: boolean;
}

export interface Triple extends Located {
  article: string;
  subject: string;
  relation: string;
  object: string;
  date: string;
  quote: string;
}

export interface Reviewed extends Located {
  article: string;
  sentence: string;
  reason: string;
}

/** A triples file's header: the article it speaks for. */
export interface TripleFile extends Located {
  article: string;
}

export interface Corpus {
  dir: string;
  name: string;
  articles: Article[];
  actors: Actor[];
  relations: Relation[];
  triples: Triple[];
  reviewed: Reviewed[];
  tripleFiles: TripleFile[];
}

export type Path = (string | number)[];

/**
 * A YAML file that can say on which line any part of it stands. Values come
 * from js-yaml, which is several times faster; the `yaml` package, which
 * keeps source positions, parses the file only when a line is asked for
 * (a problem to report) or when js-yaml rejects it (for precise messages).
 */
export class YamlFile {
  private parsed: { doc: Document; lines: LineCounter } | null = null;

  constructor(
    readonly file: string,
    readonly source: string,
  ) {}

  precise(): { doc: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      this.parsed = { doc: parseDocument(this.source, { lineCounter: lines, uniqueKeys: true }), lines };
    }
    return this.parsed;
  }

  /** Line of the node at `path`, or of its nearest ancestor that exists. */
  lineAt(path: Path): number {
    const { doc, lines } = this.precise();
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  }
}

/** `value` with a `file` and a `line` that is looked up only when read. */
function locate<T extends object>(value: T, yaml: YamlFile, path: Path): T & Located {
  return Object.defineProperties(value, {
    file: { value: yaml.file, enumerable: true },
    line: { get: () => yaml.lineAt(path), enumerable: true },
  }) as T & Located;
}

export function relFile(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** Every syntax problem of a file js-yaml rejected, with the `yaml` package's positions and wording. */
function reportYamlErrors(yaml: YamlFile, fastError: unknown, problems: ProblemList): void {
  const { doc, lines } = yaml.precise();
  const file = yaml.file;
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0].line ?? 1;
      // The parser's message ends " at line L, column C:" (the excerpt followed); the line is in the prefix.
      const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      const column = e.linePos?.[0].col;
      problems.error(file, line, `YAML syntax error: ${message}${column ? ` (column ${column})` : ""}`);
    }
    return;
  }
  // toJS throws, rather than the parser reporting, on an alias to an anchor that does not exist.
  try {
    doc.toJS();
  } catch (err) {
    let line = 1;
    visit(doc, {
      Alias(_, node) {
        if (node.resolve(doc) || !node.range) return;
        line = lines.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    problems.error(file, line, `YAML error: ${(err as Error).message}`);
    return;
  }
  // Only js-yaml objected: report its own words, at its position (its own line
  // count takes a lone "\r" for a line break; ours does not).
  const mark = (fastError as { mark?: { position?: number } }).mark;
  const reason = (fastError as { reason?: string }).reason ?? String(fastError);
  // A mark at the very end names the last line, not the empty one after its "\n".
  const position = Math.min(mark?.position ?? 0, yaml.source.replace(/\n$/, "").length);
  problems.error(file, lineOfOffset(yaml.source, position), `YAML syntax error: ${reason}`);
}

export function readYaml(path: string, problems: ProblemList): { yaml: YamlFile; value: unknown } | null {
  const file = relFile(path);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    problems.error(file, 0, `cannot read file: ${(err as Error).message}`);
    return null;
  }
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0) {
    problems.error(file, lineOfOffset(buf, bad), `file is not valid UTF-8 (byte ${bad})`);
    return null;
  }
  const yaml = new YamlFile(file, buf.toString("utf8").replace(/^\uFEFF/, ""));
  try {
    // The core schema reads dates as text, as YAML 1.2 does.
    return { yaml, value: loadYaml(yaml.source, { schema: CORE_SCHEMA, filename: file }) };
  } catch (err) {
    reportYamlErrors(yaml, err, problems);
    return null;
  }
}

/** Validates `value` (found at `path` in the file); reports each issue at its own line. */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  yaml: YamlFile,
  path: Path,
  problems: ProblemList,
  context = "",
): z.infer<S> | null {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const at = [...path, ...(issue.path as Path)];
    const keyPath = issue.code === "unrecognized_keys" && issue.keys[0] ? [...at, issue.keys[0]] : at;
    problems.error(yaml.file, yaml.lineAt(keyPath), context + describeIssue(issue));
  }
  return null;
}

export function listYaml(dir: string, problems: ProblemList): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.error(relFile(dir), 0, "directory not found");
    return [];
  }
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function loadArticles(dir: string, problems: ProblemList): Article[] {
  const out: Article[] = [];
  for (const path of listYaml(join(dir, "articles"), problems)) {
    const read = readYaml(path, problems);
    if (!read) continue;
    const a = check(articleSchema, read.value, read.yaml, [], problems);
    if (!a) continue;
    out.push({
      id: basename(path).replace(/\.ya?ml$/, ""),
      file: read.yaml.file,
      line: 1,
      title: a.title,
      publisher: a.publisher,
      author: a.author,
      date: a.date,
      dateNote: a.date_note,
      note: a.note,
      copyright: a.copyright,
      body: a.body,
    });
  }
  return out;
}

/** Reads a top-level list file, checking each item on its own so one bad item hides no other. */
function loadList<S extends z.ZodType>(
  path: string,
  schema: S,
  problems: ProblemList,
): { item: z.infer<S>; yaml: YamlFile; index: number }[] {
  if (!existsSync(path)) {
    problems.error(relFile(path), 0, "file not found");
    return [];
  }
  const read = readYaml(path, problems);
  if (!read) return [];
  if (!Array.isArray(read.value)) {
    problems.error(read.yaml.file, 1, "expected a list of entries");
    return [];
  }
  const out: { item: z.infer<S>; yaml: YamlFile; index: number }[] = [];
  read.value.forEach((raw, index) => {
    const item = check(schema, raw, read.yaml, [index], problems);
    if (item) out.push({ item, yaml: read.yaml, index });
  });
  return out;
}

function loadActors(dir: string, problems: ProblemList): Actor[] {
  return loadList(join(dir, "actors.yaml"), actorSchema, problems).map(({ item, yaml, index }) =>
    locate({ ...item, aliases: item.aliases.map((name, k) => locate({ name }, yaml, [index, "aliases", k])) }, yaml, [index]),
  );
}

function loadRelations(dir: string, problems: ProblemList): Relation[] {
  return loadList(join(dir, "relations.yaml"), relationSchema, problems).map(({ item, yaml, index }) => locate({ ...item }, yaml, [index]));
}

function loadTriples(dir: string, problems: ProblemList): { triples: Triple[]; reviewed: Reviewed[]; tripleFiles: TripleFile[] } {
  const tripleFiles: TripleFile[] = [];
  const triples: Triple[] = [];
  const reviewed: Reviewed[] = [];
  for (const path of listYaml(join(dir, "triples"), problems)) {
    const read = readYaml(path, problems);
    if (!read) continue;
    const { yaml } = read;
    const head = check(tripleFileSchema, read.value, yaml, [], problems);
    if (!head) continue;
    tripleFiles.push(locate({ article: head.article }, yaml, ["article"]));
    head.triples.forEach((raw, i) => {
      const t = check(tripleSchema, raw, yaml, ["triples", i], problems);
      if (t) triples.push(locate({ ...t, article: head.article }, yaml, ["triples", i]));
    });
    head.reviewed.forEach((raw, i) => {
      const r = check(reviewedSchema, raw, yaml, ["reviewed", i], problems);
      if (r) reviewed.push(locate({ ...r, article: head.article }, yaml, ["reviewed", i]));
    });
  }
  return { triples, reviewed, tripleFiles };
}

function loadName(dir: string, problems: ProblemList): string {
  const path = join(dir, "corpus.yaml");
  if (!existsSync(path)) return basename(dir);
  const read = readYaml(path, problems);
  if (!read) return basename(dir);
  return check(corpusInfoSchema, read.value, read.yaml, [], problems)?.name ?? basename(dir);
}

/** Reads every corpus file; syntax and schema problems go to `problems`, the rest is returned. */
export function loadCorpus(dir: string, problems: ProblemList): Corpus {
  const name = loadName(dir, problems);
  const articles = loadArticles(dir, problems);
  const actors = loadActors(dir, problems);
  const relations = loadRelations(dir, problems);
  const { triples, reviewed, tripleFiles } = loadTriples(dir, problems);
  return { dir, name, articles, actors, relations, triples, reviewed, tripleFiles };
}
