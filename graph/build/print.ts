/** What the build's scripts print when something is wrong: one line per problem, never a stack trace. */
import { problemReport, plural, type Problem, type ProblemList } from "./problems";

/** Prints the listed problems and the count of the rest to stderr. */
export function printProblems(problems: readonly Problem[], omitted: ProblemList["omitted"], stopped = false): void {
  for (const line of problemReport(problems, omitted, stopped)) console.error(line);
}

/** "graph: 3 errors; nothing written". */
export function errorSummary(program: string, errors: number, consequence: string): string {
  return `${program}: ${plural(errors, "error")}; ${consequence}`;
}

/**
 * An error nobody foresaw, as one line. The stack is for whoever fixes the
 * build: it is printed only with KG_DEBUG=1.
 */
export function internalError(program: string, err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (process.env.KG_DEBUG === "1" && err instanceof Error && err.stack) return `${program}: internal error: ${err.stack}`;
  return `${program}: internal error: ${message.split("\n")[0]!.slice(0, 500)} (KG_DEBUG=1 shows where)`;
}
