import { relative } from "node:path";

/** How messages name a file: relative to the working directory, so that a terminal or an editor can open it. */
export function messagePath(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** A problem found in the corpus, located as precisely as the source allows. */
export interface Problem {
  file: string;
  /** 1-based line, or 0 when the problem concerns the whole file. */
  line: number;
  message: string;
  /** A note says what was not checked because of an error reported elsewhere. */
  severity: "error" | "warning" | "note";
}

/** How many problems a run lists; the rest are counted, not printed (nor located, which can cost a parse). */
export const MAX_PROBLEMS = 50;

/** How much of a value from the data a message quotes. */
export const MAX_QUOTED = 100;

/** A message never exceeds this, whatever it quotes. */
const MAX_MESSAGE = 500;

/**
 * A value from the data as a message quotes it: in double quotes, on one line
 * (line breaks and other control characters escaped), and cut after
 * `max` characters with the full length said.
 */
export function quoted(value: string, max = MAX_QUOTED): string {
  const chars = Array.from(value);
  const shown = chars.length > max ? chars.slice(0, max).join("") : value;

  const escaped = shown.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return chars.length > max ? `"${escaped}…" (${chars.length} characters)` : `"${escaped}"`;
}

/** Cuts `text` to `max` characters with an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  const prefix = p.severity === "error" ? "" : `${p.severity}: `;
  return `${where}: ${prefix}${cut(p.message.replace(/\n/g, " "), MAX_MESSAGE)}`;
}

/**
 * Collects problems so every one of them is reported in a single run, up to
 * `limit`: beyond it problems are only counted, and their line (which may
 * need a parse of the file) is never looked up.
 */
export class ProblemList {
  readonly items: Problem[] = [];
  /** Problems beyond the limit, by severity. */
  readonly omitted = { error: 0, warning: 0, note: 0 };
  /** Whether checking stopped once the list was full: then there may be more problems than counted. */
  stopped = false;

  constructor(readonly limit = MAX_PROBLEMS) {}

  error(file: string, line: number | (() => number), message: string): void {
    this.add(file, line, message, "error");
  }
  warn(file: string, line: number | (() => number), message: string): void {
    this.add(file, line, message, "warning");
  }
  note(file: string, line: number | (() => number), message: string): void {
    this.add(file, line, message, "note");
  }
  /** Whether the list holds `limit` problems: further ones are only counted, and costly checks may stop. */
  get full(): boolean {
    return this.items.length >= this.limit;
  }
  /** Every error, listed or not. */
  get errorCount(): number {
    return this.errors.length + this.omitted.error;
  }
  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === "error");
  }
  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === "warning");
  }
  get omittedCount(): number {
    return this.omitted.error + this.omitted.warning + this.omitted.note;
  }

  private add(file: string, line: number | (() => number), message: string, severity: Problem["severity"]): void {
    if (this.items.length >= this.limit) {
      this.omitted[severity]++;
      return;
    }
    this.items.push({ file, line: typeof line === "number" ? line : line(), message, severity });
  }
}

/** Thrown by the build when the corpus has errors; carries the listed problems and the count of the rest. */
export class CorpusError extends Error {
  readonly problems: Problem[];
  readonly omitted: ProblemList["omitted"];
  readonly stopped: boolean;
  constructor(list: ProblemList) {
    super(list.items.map(formatProblem).join("\n"));
    this.name = "CorpusError";
    this.problems = list.items;
    this.omitted = { ...list.omitted };
    this.stopped = list.stopped;
  }
  get errorCount(): number {
    return this.problems.filter((p) => p.severity === "error").length + this.omitted.error;
  }
}

/** The lines a run prints for its problems: each one, then how many more there were. */
export function problemReport(problems: readonly Problem[], omitted: ProblemList["omitted"], stopped = false): string[] {
  const lines = problems.map(formatProblem);
  const more = omitted.error + omitted.warning + omitted.note;
  if (more > 0) {
    const parts = (["error", "warning", "note"] as const).filter((k) => omitted[k] > 0).map((k) => plural(omitted[k], k));
    lines.push(`… and ${more} more not listed (${parts.join(", ")}); the first ${problems.length} are above`);
  }
  if (stopped) lines.push(`… checking stopped after ${problems.length} problems, so there may be more: fix these and build again`);
  return lines;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
