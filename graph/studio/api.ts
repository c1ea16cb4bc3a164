/**
 * The studio's API, as a handler for Node's http requests (the dev server's
 * middleware, or a plain server in the tests):
 *
 *   GET  <API_PATH>/state    the corpus as the page shows it (StudioState)
 *   POST <API_PATH>/change   one change (ChangeRequest) → ChangeResponse
 *   POST <API_PATH>/propose  a proposed triple for a selected quote (ProposeRequest); writes nothing
 *
 * A change is carried out only when every check passes, in this order: the
 * request (guard.ts), its shape, the file it touches (inside the corpus, no
 * symbolic link), that file's version against the one the page read, the
 * edit itself, and the build's rules on the corpus as it would be (every
 * error the change would bring is returned, with its line and field, and
 * nothing is written). Then the file is written atomically. Changes are
 * handled one at a time.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { changeRequestSchema } from "./change-schema";
import { fieldOf, planChange } from "./changes";
import { EditError } from "./edits";
import { CorpusFiles, RefusedError } from "./files";
import { refusal } from "./guard";
import { API_PATH, type ChangeRequest, type ChangeResponse, type ProposeResponse, type StudioProblem, type StudioState } from "./protocol";
import { proposeForQuote } from "./propose";
import { checkCorpus, studioProblem, studioState } from "./snapshot";
import { parseYaml } from "../build/located-yaml";

/** Largest request body read: an article's text fits many times over. */
const MAX_BODY = 8 * 1024 * 1024;

export interface StudioOptions {
  /** The corpus directory. */
  corpus: string;
  /** Called after files were written (relative to the corpus), e.g. to rebuild the graph. */
  onWritten?: (files: string[]) => void;
  /** Why every request is refused, e.g. the dev server listens beyond this machine. */
  disabled?: string;
}

type Status = 200 | 400 | 403 | 404 | 405 | 409 | 413 | 422 | 500;

function send(res: ServerResponse, status: Status, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Length": Buffer.byteLength(json),
  });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new RefusedError(`the request is larger than ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Problems of `after` that `before` did not have (lines may move: compared by file and message). */
function added(before: StudioProblem[], after: StudioProblem[]): StudioProblem[] {
  const count = new Map<string, number>();
  const key = (p: StudioProblem) => `${p.severity}\u0000${p.file}\u0000${p.message}`;
  for (const p of before) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  return after.filter((p) => {
    const n = count.get(key(p)) ?? 0;
    if (n > 0) count.set(key(p), n - 1);
    return n === 0;
  });
}

export class Studio {
  readonly files: CorpusFiles;
  private queue: Promise<unknown> = Promise.resolve();
  /** Versions as last read or written by the studio: a change on disk that differs is someone else's. */
  readonly known = new Map<string, string | null>();

  constructor(private readonly options: StudioOptions) {
    this.files = new CorpusFiles(options.corpus);
  }

  state(): StudioState {
    const state = studioState(this.files);
    for (const [file, version] of Object.entries(state.versions)) this.known.set(file, version);
    return state;
  }

  propose(raw: unknown): ProposeResponse {
    const r = raw as { article?: unknown; quote?: unknown } | null;
    if (typeof r?.article !== "string" || typeof r.quote !== "string" || r.quote.length > 20_000)
      return { ok: false, message: "malformed request: an article id and a quote are expected" };
    return proposeForQuote(checkCorpus(this.files.root).corpus, r.article, r.quote);
  }

  /** Carries out one change after the ones before it. */
  change(request: unknown): Promise<ChangeResponse> {
    const run = this.queue.then(() => this.changeNow(request));
    this.queue = run.catch(() => {});
    return run;
  }

  private async changeNow(raw: unknown): Promise<ChangeResponse> {
    const parsed = changeRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, kind: "refused", message: `malformed change: ${issue.path.join(".") || "request"}: ${issue.message}` };
    }
    const request: ChangeRequest = parsed.data;
    try {
      const before = checkCorpus(this.files.root);
      const plan = planChange(request.change, before.corpus, this.files);
      const current = this.files.read(plan.file);
      if (plan.create && current.text !== null)
        return { ok: false, kind: "conflict", message: `${plan.file} already exists: choose another id`, files: [plan.file] };
      const expected = request.versions[plan.file] ?? null;
      if (current.version !== expected)
        return {
          ok: false,
          kind: "conflict",
          message: `${plan.file} changed on disk since the studio read it; nothing was written. Reload to see the file as it is now, then make the change again.`,
          files: [plan.file],
        };

      const edited = plan.edit(current.text);
      const problems = (checked: ReturnType<typeof checkCorpus>) => checked.problems.items.map((p) => studioProblem(p, this.files));
      const overlay = new Map([[join(this.files.root, plan.file), edited.text]]);
      const after = checkCorpus(this.files.root, { overlay });
      const brought = added(problems(before), problems(after));
      // Where in the new text each field of the new entry stands, for problems found on its lines.
      const read = parseYaml(edited.text);
      const fieldLines = new Map<number, string>();
      if (read.ok) {
        const entry = edited.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], read.yaml.value);
        for (const f of plan.fields)
          if (typeof entry === "object" && entry !== null && Object.hasOwn(entry, f))
            fieldLines.set(read.yaml.lineAt([...edited.path, f]), f);
      }
      const located = brought.map((p) => {
        const byLine = p.severity === "error" && p.file === plan.file ? fieldLines.get(p.line) : undefined;
        const field = fieldOf(p.message, plan.fields) ?? byLine;
        return field ? { ...p, field } : p;
      });
      const errors = located.filter((p) => p.severity === "error");
      if (errors.length > 0)
        return {
          ok: false,
          kind: "invalid",
          message: `the change breaks ${errors.length === 1 ? "a rule" : `${errors.length} rules`} of the build; nothing was written`,
          problems: errors,
        };

      await this.files.write(plan.file, edited.text);
      this.options.onWritten?.([plan.file]);
      return { ok: true, state: this.state(), written: [plan.file], notes: located };
    } catch (err) {
      if (err instanceof RefusedError) return { ok: false, kind: "refused", message: err.message };
      if (err instanceof EditError)
        return {
          ok: false,
          kind: "invalid",
          message: err.message,
          problems: err.field ? [{ file: "", line: 0, message: err.message, severity: "error", field: err.field }] : [],
        };
      throw err;
    }
  }

  /** Handles a request under API_PATH; false for any other URL (left to the next handler). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? "").split("?")[0]!;
    if (path !== API_PATH && !path.startsWith(`${API_PATH}/`)) return false;
    const refused = this.options.disabled ?? refusal(req);
    if (refused) {
      send(res, 403, { ok: false, kind: "refused", message: refused });
      return true;
    }
    try {
      if (path === `${API_PATH}/state`) {
        if (req.method !== "GET") send(res, 405, { ok: false, kind: "refused", message: "use GET" });
        else send(res, 200, this.state());
        return true;
      }
      if (path === `${API_PATH}/change` || path === `${API_PATH}/propose`) {
        if (req.method !== "POST") {
          send(res, 405, { ok: false, kind: "refused", message: "use POST" });
          return true;
        }
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch (err) {
          send(res, err instanceof RefusedError ? 413 : 400, {
            ok: false,
            kind: "refused",
            message: err instanceof RefusedError ? err.message : "the request is not JSON",
          });
          return true;
        }
        if (path.endsWith("/propose")) {
          send(res, 200, this.propose(body));
          return true;
        }
        const response = await this.change(body);
        const status: Status = response.ok
          ? 200
          : response.kind === "conflict"
            ? 409
            : response.kind === "invalid"
              ? 422
              : response.message.startsWith("malformed")
                ? 400
                : 403;
        send(res, status, response);
        return true;
      }
      send(res, 404, { ok: false, kind: "refused", message: `no such API: ${path}` });
    } catch (err) {
      send(res, 500, {
        ok: false,
        kind: "refused",
        message: `the studio failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
      });
    }
    return true;
  }
}
