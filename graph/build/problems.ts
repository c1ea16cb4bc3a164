/** A problem found in the corpus, located as precisely as the source allows. */
export interface Problem {
  file: string;
  /** 1-based line, or 0 when the problem concerns the whole file. */
  line: number;
  message: string;
  severity: "error" | "warning";
}

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`;
}

/** Collects problems so every one of them is reported in a single run. */
export class ProblemList {
  readonly items: Problem[] = [];
  error(file: string, line: number, message: string): void {
    this.items.push({ file, line, message, severity: "error" });
  }
  warn(file: string, line: number, message: string): void {
    this.items.push({ file, line, message, severity: "warning" });
  }
  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === "error");
  }
  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === "warning");
  }
}

/** Thrown by the build when the corpus has errors; carries all of them. */
export class CorpusError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "CorpusError";
  }
}
