/**
 * A YAML reader for files written by hand: it reads a file safely, within
 * limits, and can say on which line any part of the document stands. The
 * corpus loader uses it; so can anything else that reads hand-written YAML
 * (a curation studio, story files).
 *
 *   const read = readYamlFile("actors.yaml");
 *   if (!read.ok) report(read.problem.line, read.problem.message);
 *   else use(read.yaml.value, (path) => read.yaml.lineAt(path)); // lineAt([3, "aliases", 0])
 *
 * What it promises, whatever the input:
 * - it returns, never throws (a problem is a line and a message);
 * - only regular files are read, at most `maxBytes` of them (checked before reading);
 * - a file that is not UTF-8 is refused at the line of the first bad byte;
 * - a syntax error is reported once, the first one, at its line (an unclosed
 *   bracket or quote at the line where it opens);
 * - nesting deeper than `maxDepth` collections is refused, and so are aliases
 *   that expand the document by more than `maxAliasExpansion` characters or
 *   make a value contain itself;
 * - lines count "\n", "\r\n" and a lone "\r" as one line break each, as YAML does.
 *
 * Values come from js-yaml with the core schema (YAML 1.2: dates stay text,
 * duplicate keys are errors). Lines are found, only when asked for, by parsing
 * the source once more with a listener that records where each node begins.
 * Where js-yaml's words for a syntax error mislead ("bad indentation" for
 * "a: b: c"), a file of up to 1 MB is parsed by the `yaml` package too and,
 * when it finds the error on the same line, its words are used ("Nested
 * mappings are not allowed in compact mappings"). It is slower and its
 * composer is recursive, so larger files keep js-yaml's words, and no file
 * reaches it nested deeper than the limit.
 */
import { CORE_SCHEMA, load, type LoadOptions, type State, type YAMLException } from "js-yaml";
import { Lexer, LineCounter, Parser, parseDocument } from "yaml";
import { readRegularFile } from "./read-file";
import { firstInvalidUtf8, lineOfOffset } from "./text";

export interface YamlLimits {
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Deepest nesting of collections (mappings and lists), aliases expanded. */
  maxDepth: number;
  /**
   * Characters by which the document, aliases expanded, may exceed the file
   * (without aliases it never does: every character counted stands in the file).
   */
  maxAliasExpansion: number;
}

export const YAML_LIMITS: Readonly<YamlLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxDepth: 50,
  maxAliasExpansion: 1_000_000,
});

/** Keys and list indices from the document's root to a node. */
export type YamlPath = readonly (string | number)[];

export interface YamlProblem {
  /** 1-based line, or 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export type YamlRead = { ok: true; yaml: LocatedYaml } | { ok: false; problem: YamlProblem };

/** A parsed document that can say on which line any part of it stands. */
export class LocatedYaml {
  private index: LineIndex | null = null;
  private lastLine: number | null = null;

  /** Made by `parseYaml` and `readYamlFile`. */
  constructor(
    readonly source: string,
    readonly value: unknown,
    private readonly limits: YamlLimits = YAML_LIMITS,
  ) {}

  /** Line of the node at `path` (of a mapping entry: its key's line), or of its nearest ancestor that exists. */
  lineAt(path: YamlPath): number {
    this.index ??= new LineIndex(this.source, this.limits);
    // A node js-yaml opens after a final comment or line break would stand on a line the file does not have.
    this.lastLine ??= lineOfOffset(this.source, this.source.replace(/(\r\n|\r|\n)$/, "").length);
    return Math.min(this.index.lineAt(path), this.lastLine);
  }
}

/** Reads and parses a YAML file; `problem` says why it cannot be used. */
export function readYamlFile(path: string, limits: Partial<YamlLimits> = {}): YamlRead {
  const all = { ...YAML_LIMITS, ...limits };
  const read = readRegularFile(path, all.maxBytes);
  if (!read.ok) return { ok: false, problem: { line: 0, message: read.message } };
  return parseYaml(read.bytes, all);
}

/** Parses YAML from bytes (checked to be UTF-8) or text. */
export function parseYaml(input: Uint8Array | string, limits: Partial<YamlLimits> = {}): YamlRead {
  const all = { ...YAML_LIMITS, ...limits };
  let source: string;
  if (typeof input === "string") source = input;
  else {
    if (input.length > all.maxBytes) return fail(0, `text is larger than ${all.maxBytes} bytes`);
    const bad = firstInvalidUtf8(input);
    if (bad >= 0) return fail(lineOfOffset(input, bad), `file is not valid UTF-8 (byte ${bad})`);
    source = Buffer.from(input.buffer, input.byteOffset, input.length).toString("utf8");
  }
  source = source.replace(/^\uFEFF/, "");

  let value: unknown;
  try {
    value = load(source, parserOptions(all));
  } catch (err) {
    return { ok: false, problem: syntaxProblem(source, err, all) };
  }
  const yaml = new LocatedYaml(source, value, all);
  // Without an alias ("*name") no value is shared, and there is nothing to expand.
  const excess = checkExpansion(value, source.length, all, source.includes("*"));
  if (excess) return { ok: false, problem: { line: yaml.lineAt(excess.path), message: excess.message } };
  return { ok: true, yaml };
}

function fail(line: number, message: string): YamlRead {
  return { ok: false, problem: { line, message } };
}

/**
 * js-yaml counts its depth per parse step, and a list item can take two, so
 * its own guard is set above our limit; the limit itself is checked on the
 * value (where aliases count too). The guard keeps the recursive parser far
 * from the end of the stack.
 */
function parserOptions(limits: YamlLimits, listener?: LoadOptions["listener"]): LoadOptions {
  return { schema: CORE_SCHEMA, listener, maxDepth: 2 * limits.maxDepth + 2 } as LoadOptions;
}

function depthMessage(limits: YamlLimits): string {
  return `nesting deeper than ${limits.maxDepth} levels of lists and mappings`;
}

// ---------------------------------------------------------------------------
// Syntax errors

/** Errors that js-yaml finds where it gives up, although the cause is an opening bracket or quote further up. */
const UNCLOSED = [
  { reason: /end of the stream within a flow collection/, opener: /[[{]/, certain: true },
  { reason: /missed comma between flow collection entries/, opener: /[[{]/, certain: false },
  { reason: /end of the stream within a double quoted scalar/, opener: /"/, certain: true },
  { reason: /end of the stream within a single quoted scalar/, opener: /'/, certain: true },
];

function syntaxProblem(source: string, err: unknown, limits: YamlLimits): YamlProblem {
  const mark = (err as Partial<YAMLException> | null)?.mark;
  const given = (err as Partial<YAMLException> | null)?.reason;
  const reason = typeof given === "string" ? given : String((err as Error | null)?.message ?? err).split("\n")[0]!;
  if (!mark) return { line: 0, message: `YAML error: ${reason}` };
  // A mark at the very end names the last line, not the empty one after the final line break.
  const end = source.replace(/(\r\n|\r|\n)$/, "").length;
  const line = lineOfOffset(source, Math.min(mark.position, end));
  if (/nesting exceeded maxDepth/.test(reason)) return { line, message: depthMessage(limits) };
  const unclosed = UNCLOSED.find((u) => u.reason.test(reason));
  const opener = unclosed ? findOpener(source, limits, unclosed.opener) : -1;
  const openLine = opener >= 0 ? lineOfOffset(source, opener) : 0;
  if (unclosed && opener >= 0 && (openLine < line || (unclosed.certain && openLine === line))) {
    const ch = source[opener]!;
    const what = `${ch === '"' ? `'"'` : `"${ch}"`} (column ${opener - lineStart(source, opener) + 1})`;
    return {
      line: openLine,
      message: unclosed.certain
        ? `YAML syntax error: ${what} is never closed`
        : `YAML syntax error: ${what} opens a collection the parser could not follow: ${reason} at line ${line}; is a closing bracket missing?`,
    };
  }
  // Where js-yaml's words mislead and the `yaml` package sees the error on the same line, its words are used.
  if (!unclosed && VAGUE.test(reason)) {
    const precise = preciseError(source, limits);
    if (precise && precise.line === line) return precise;
  }
  // A column is worth saying only where the parser stopped, not at the end of the file moved back to the last line.
  const column = mark.position < end && mark.column >= 0 ? ` (column ${mark.column + 1})` : "";
  return { line, message: `YAML syntax error: ${reason}${column}` };
}

/** js-yaml's reasons that name a symptom rather than the mistake ("bad indentation" for "a: b: c"). */
const VAGUE =
  /^bad indentation|^end of the stream or a document separator is expected|^can not read a block mapping entry|^incomplete explicit mapping pair/;

/** Largest file whose syntax errors the `yaml` package words (it takes about half a second per megabyte). */
const PRECISE_BYTES = 1024 * 1024;

/** The `yaml` package's first error, or null when the file is too large or too deep for it, or it sees none. */
function preciseError(source: string, limits: YamlLimits): YamlProblem | null {
  if (source.length > PRECISE_BYTES) return null;
  // One line break of any kind becomes "\n": the `yaml` package does not take a lone "\r" for one, YAML does.
  const text = source.replace(/\r\n?/g, "\n");
  // Its concrete-syntax parser keeps an explicit stack, so the nesting can be measured before the recursive composer runs.
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(text)) {
    for (const _ of parser.next(lexeme));
    if (parser.stack.length > 2 * limits.maxDepth + 2) return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const first = doc.errors[0];
  if (!first) return null;
  const pos = first.linePos?.[0];
  // The message ends " at line L, column C:" and an excerpt; the line is said once, in front.
  const message = first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return { line: pos?.line ?? 1, message: `YAML syntax error: ${message}${pos ? ` (column ${pos.col})` : ""}` };
}

function lineStart(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== "\n" && source[i - 1] !== "\r") i--;
  return i;
}

/**
 * Offset of the innermost bracket or quote still open where the parser gave
 * up: the nodes open at that moment are those js-yaml announced and did not
 * close, and each begins, after spaces, comments and properties, with its
 * opening character.
 */
function findOpener(source: string, limits: YamlLimits, opener: RegExp): number {
  const open: number[] = [];
  try {
    load(
      source,
      parserOptions(limits, (event: string, state: State) => {
        if (event === "open") open.push(state.position);
        else open.pop();
      }),
    );
  } catch {
    // Expected: the same error again, with the open nodes on the stack.
  }
  for (let k = open.length - 1; k >= 0; k--) {
    const at = firstSignificant(source, open[k]!);
    if (at < source.length && opener.test(source[at]!)) return at;
  }
  return -1;
}

/** The first character at or after `from` that is not a space, a line break, a comment, an anchor or a tag. */
function firstSignificant(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const c = source[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
    else if (c === "#") while (i < source.length && source[i] !== "\n" && source[i] !== "\r") i++;
    else if (c === "&" || c === "!") while (i < source.length && !/[\s]/.test(source[i]!)) i++;
    else return i;
  }
  return i;
}

// ---------------------------------------------------------------------------
// Aliases and depth, measured on the value: js-yaml gives an alias the very
// object of its anchor, so the value is a graph in which a shared object is
// reached once per alias, and a self-reference is a cycle.

interface Excess {
  path: YamlPath;
  message: string;
}

/** Expanded characters and depth of each collection, computed once per object. */
interface Measure {
  chars: number;
  depth: number;
}

function scalarChars(v: unknown): number {
  return typeof v === "string" ? Math.max(1, v.length) : 1;
}

function childrenOf(v: object): [string | number, unknown][] {
  return Array.isArray(v) ? v.map((x, i) => [i, x] as [number, unknown]) : Object.entries(v);
}

/**
 * Whether aliases expand the document beyond the limit, nest it too deep or
 * make it contain itself. Without aliases the expanded text is at most the
 * source's length (every counted character stands in the source), so what
 * exceeds it is what aliases added.
 */
function checkExpansion(root: unknown, sourceLength: number, limits: YamlLimits, aliases: boolean): Excess | null {
  if (typeof root !== "object" || root === null) return null;
  const done = new Map<object, Measure>();
  const onPath = new Set<object>();
  const budget = sourceLength + limits.maxAliasExpansion;
  // Iterative post-order walk: an alias chain may be far deeper than the stack.
  type Frame = { obj: object; children: [string | number, unknown][]; next: number; chars: number; depth: number };
  const stack: Frame[] = [];
  const path: (string | number)[] = [];
  const enter = (obj: object) => {
    if (aliases) onPath.add(obj);
    stack.push({ obj, children: childrenOf(obj), next: 0, chars: 1, depth: 1 });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const [key, child] = top.children[top.next++]!;
      if (!Array.isArray(top.obj)) top.chars += String(key).length;
      const known = aliases && typeof child === "object" && child !== null ? done.get(child) : undefined;
      if (typeof child !== "object" || child === null) {
        top.chars += scalarChars(child);
      } else if (aliases && onPath.has(child)) {
        return { path: [...path, key], message: "a YAML alias makes a value contain itself" };
      } else if (known) {
        // A shared object again: its size and depth are known; only where it now stands is new.
        if (stack.length + known.depth > limits.maxDepth)
          return { path: [...path, key], message: `${depthMessage(limits)} (aliases expanded)` };
        top.chars += known.chars;
        top.depth = Math.max(top.depth, known.depth + 1);
      } else {
        path.push(key);
        if (stack.length >= limits.maxDepth) return { path: [...path], message: depthMessage(limits) };
        enter(child);
        continue;
      }
      if (top.chars > budget) return { path: [...path, key], message: expansionMessage(limits) };
      continue;
    }
    stack.pop();
    if (aliases) {
      onPath.delete(top.obj);
      done.set(top.obj, { chars: top.chars, depth: top.depth });
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      const key = path.pop()!;
      parent.chars += top.chars;
      parent.depth = Math.max(parent.depth, top.depth + 1);
      if (parent.chars > budget) return { path: [...path, key], message: expansionMessage(limits) };
    }
  }
  return null;
}

function expansionMessage(limits: YamlLimits): string {
  return `YAML aliases expand the file by more than ${limits.maxAliasExpansion.toLocaleString("en-US")} characters`;
}

// ---------------------------------------------------------------------------
// Lines

/**
 * Where each node of the document begins, from a second parse with a
 * listener. js-yaml opens a node for every key and every value (a mapping's
 * children alternate key, value), and a list item may be wrapped in one more
 * node with the same result. Nodes are numbered in the order they open, so a
 * node's descendants are the numbers from it to its `end`; three flat arrays
 * hold a file of millions of nodes without millions of objects. What a node's
 * entries are is worked out only for the nodes a lookup passes through.
 */
class LineIndex {
  private lines = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private readonly results: unknown[] = [];
  private count = 0;
  private readonly entries = new Map<number, Map<string | number, number> | Int32Array | null>();

  constructor(source: string, limits: YamlLimits) {
    const open: number[] = [];
    try {
      load(
        source,
        parserOptions(limits, (event: string, state: State) => {
          if (event === "open") {
            if (this.count === this.lines.length) this.grow();
            this.lines[this.count] = state.line + 1;
            open.push(this.count++);
          } else {
            const node = open.pop()!;
            this.ends[node] = this.count;
            this.results[node] = state.result;
          }
        }),
      );
    } catch {
      // The document parsed once already; a failure here only leaves lines less precise.
    }
  }

  private grow(): void {
    const lines = new Int32Array(this.lines.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    lines.set(this.lines);
    ends.set(this.ends);
    [this.lines, this.ends] = [lines, ends];
  }

  /** Line of the node at `path` (of a mapping entry: its key's line), or of its nearest ancestor that exists. */
  lineAt(path: YamlPath): number {
    if (this.count === 0) return 1;
    let node = 0;
    let line = this.lines[0]!;
    for (const key of path) {
      const entry = this.entry(node, key);
      if (!entry) break;
      [line, node] = entry;
    }
    return line;
  }

  /** [line, node] of the entry `key` of `node`: a mapping entry stands where its key does, its parts where its value's do. */
  private entry(node: number, key: string | number): [number, number] | null {
    let table = this.entries.get(node);
    if (table === undefined) {
      table = this.table(node);
      this.entries.set(node, table);
    }
    if (table instanceof Int32Array) {
      const child = typeof key === "number" ? table[key] : undefined;
      return child === undefined ? null : [this.lines[child]!, child];
    }
    const k = table?.get(String(key));
    // A key's node is followed by its value's, which starts where the key's subtree ends.
    return k === undefined ? null : [this.lines[k]!, this.ends[k]!];
  }

  private children(node: number): number[] {
    const out: number[] = [];
    for (let c = node + 1; c < this.ends[node]!; c = this.ends[c]!) out.push(c);
    return out;
  }

  /** A list's items, or a mapping's keys by name, or null for a scalar. */
  private table(node: number): Map<string, number> | Int32Array | null {
    let n = node;
    let kids = this.children(n);
    while (kids.length === 1 && this.results[kids[0]!] === this.results[n]) {
      n = kids[0]!;
      kids = this.children(n);
    }
    const value = this.results[n];
    if (Array.isArray(value)) return kids.length === value.length ? Int32Array.from(kids) : null;
    if (typeof value !== "object" || value === null || kids.length % 2 !== 0) return null;
    const keys = new Map<string, number>();
    for (let i = 0; i < kids.length; i += 2) keys.set(String(this.results[kids[i]!]), kids[i]!);
    return keys;
  }
}
