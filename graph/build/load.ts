/**
 * Reads a corpus directory into plain records that remember where each one
 * came from (file and line), collecting every syntax and schema problem.
 */
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { LineCounter, parseDocument, isNode, visit, type Document } from "yaml";
import type { z } from "zod";
import { ProblemList } from "./problems";
import { firstInvalidUtf8, lineOfByte } from "./text";
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

export interface Article extends Located {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  date: string;
  dateNote?: string;
  note?: string;
  copyright?: string;
  body: string;
}

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

type Path = (string | number)[];

/** A parsed YAML file that can say on which line any part of it stands. */
class YamlFile {
  constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Line of the node at `path`, or of its nearest ancestor that exists. */
  lineAt(path: Path): number {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length === 0 ? this.doc.contents : this.doc.getIn(p, true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  }
}

function relFile(path: string): string {
  return relative(process.cwd(), path) || path;
}

function readYaml(path: string, problems: ProblemList): { yaml: YamlFile; value: unknown } | null {
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
    problems.error(file, lineOfByte(buf, bad), `file is not valid UTF-8 (byte ${bad})`);
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(buf.toString("utf8").replace(/^\uFEFF/, ""), { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0].line ?? 1;
      // The parser's message ends " at line L, column C:" (the excerpt followed); the line is in the prefix.
      const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      const column = e.linePos?.[0].col;
      problems.error(file, line, `YAML syntax error: ${message}${column ? ` (column ${column})` : ""}`);
    }
    return null;
  }
  // toJS throws, rather than the parser reporting, on an alias to an anchor that does not exist.
  try {
    return { yaml: new YamlFile(file, doc, lines), value: doc.toJS() };
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
    return null;
  }
}

/** Validates `value` (found at `path` in the file); reports each issue at its own line. */
function check<S extends z.ZodType>(
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

function listYaml(dir: string, problems: ProblemList): string[] {
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
  return loadList(join(dir, "actors.yaml"), actorSchema, problems).map(({ item, yaml, index }) => ({
    ...item,
    file: yaml.file,
    line: yaml.lineAt([index]),
    aliases: item.aliases.map((name, k) => ({ name, line: yaml.lineAt([index, "aliases", k]) })),
  }));
}

function loadRelations(dir: string, problems: ProblemList): Relation[] {
  return loadList(join(dir, "relations.yaml"), relationSchema, problems).map(({ item, yaml, index }) => ({
    ...item,
    file: yaml.file,
    line: yaml.lineAt([index]),
  }));
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
    tripleFiles.push({ article: head.article, file: yaml.file, line: yaml.lineAt(["article"]) });
    head.triples.forEach((raw, i) => {
      const t = check(tripleSchema, raw, yaml, ["triples", i], problems);
      if (t) triples.push({ ...t, article: head.article, file: yaml.file, line: yaml.lineAt(["triples", i]) });
    });
    head.reviewed.forEach((raw, i) => {
      const r = check(reviewedSchema, raw, yaml, ["reviewed", i], problems);
      if (r) reviewed.push({ ...r, article: head.article, file: yaml.file, line: yaml.lineAt(["reviewed", i]) });
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
