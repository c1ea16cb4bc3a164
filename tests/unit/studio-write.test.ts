/**
 * The curation studio's write path on a temporary copy of the mini fixture:
 * edits keep the files' comments and style, the build's rules stop a bad
 * change before anything is written, a change based on an old read is
 * refused, writes are atomic, and the API refuses foreign pages and paths
 * outside the corpus.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Studio } from "../../graph/studio/api";
import { addActor, addTriple } from "../../graph/studio/edits";
import { API_PATH, type Change, type ChangeResponse } from "../../graph/studio/protocol";

const FIXTURE = join(import.meta.dirname, "../fixtures/mini");
const SENTENCE = "Japan imposed sanctions on Russia in March 2014 after the annexation.";

let dir: string;
let corpus: string;
let written: string[][];
let studio: Studio;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kg-studio-unit-"));
  corpus = join(dir, "corpus");
  cpSync(FIXTURE, corpus, { recursive: true });
  const article = join(corpus, "articles/a1.yaml");
  writeFileSync(article, readFileSync(article, "utf8").replace(/\n*$/, `\n\n  ${SENTENCE}\n`));
  const relations = join(corpus, "relations.yaml");
  writeFileSync(
    relations,
    readFileSync(relations, "utf8").replace(
      "label: imposes sanctions on\n",
      "label: imposes sanctions on\n  cues: [sanctions, sanctioned]\n",
    ),
  );
  const triples = join(corpus, "triples/a1.yaml");
  writeFileSync(triples, `# Curated by hand.\n${readFileSync(triples, "utf8")}`);
  written = [];
  studio = new Studio({ corpus, onWritten: (files) => written.push(files) });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (rel: string) => readFileSync(join(corpus, rel), "utf8");
const change = (c: Change, versions = studio.state().versions): Promise<ChangeResponse> => studio.change({ change: c, versions });
const sanctions = {
  subject: "japan",
  relation: "sanctions",
  object: "russia",
  date: "2014-03",
  quote: "Japan imposed sanctions on Russia in March 2014",
};

describe("studio edits", () => {
  it("append a triple after the last one, keeping the file's comment and every other byte", () => {
    const before = read("triples/a1.yaml");
    const { text } = addTriple(before, "a1", sanctions, "triples/a1.yaml");
    expect(text.startsWith(before.trimEnd())).toBe(true);
    expect(text.slice(before.trimEnd().length)).toBe(
      "\n  - subject: japan\n    relation: sanctions\n    object: russia\n    date: 2014-03\n    quote: Japan imposed sanctions on Russia in March 2014\n",
    );
  });

  it("add an actor in the style of its neighbours and quote what YAML would misread", () => {
    const before = read("actors.yaml");
    const { text } = addActor(before, { id: "sea-x", label: "Sea: X", kind: "place", aliases: ["The X"], description: "A sea." });
    expect(text.startsWith(before)).toBe(true);
    expect((parse(text) as { id: string; label: string; aliases: string[] }[]).at(-1)).toMatchObject({
      id: "sea-x",
      label: "Sea: X",
      aliases: ["The X"],
    });
    expect(text.slice(before.length)).toContain("aliases: [The X]");
  });
});

describe("studio changes", () => {
  it("write a triple made from a quote, and tell who rebuilds the graph", async () => {
    const proposal = studio.propose({ article: "a1", quote: sanctions.quote });
    expect(proposal).toMatchObject({ ok: true, proposal: { subject: "japan", relation: "sanctions", object: "russia", cue: "sanctions" } });
    const r = await change({ kind: "add-triple", article: "a1", triple: sanctions });
    expect(r.ok).toBe(true);
    expect(written).toEqual([["triples/a1.yaml"]]);
    const text = read("triples/a1.yaml");
    expect(text.startsWith("# Curated by hand.\n")).toBe(true);
    expect((parse(text) as { triples: unknown[] }).triples.at(-1)).toEqual(sanctions);
  });

  it("refuse a change that breaks the build's rules, name the field, and write nothing", async () => {
    const before = read("triples/a1.yaml");
    const r = await change({
      kind: "add-triple",
      article: "a1",
      triple: { ...sanctions, subject: "atlantis", quote: "Japan imposed sanctions on Russia in May" },
    });
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== "invalid") throw new Error(`expected an invalid change, got ${JSON.stringify(r)}`);
    expect(r.message).toMatch(/nothing was written/);
    const fields = r.problems.map((p) => p.field);
    expect(fields).toContain("subject");
    expect(fields).toContain("quote");
    expect(r.problems.every((p) => p.file === "triples/a1.yaml" && p.line > 0)).toBe(true);
    expect(read("triples/a1.yaml")).toBe(before);
    expect(written).toEqual([]);
  });

  it("refuse a change to a file edited on disk since the studio read it, and keep the edit", async () => {
    const versions = studio.state().versions;
    const edited = `${read("triples/a1.yaml")}# Edited in an editor meanwhile.\n`;
    writeFileSync(join(corpus, "triples/a1.yaml"), edited);
    const r = await change({ kind: "add-triple", article: "a1", triple: sanctions }, versions);
    expect(r).toEqual({
      ok: false,
      kind: "conflict",
      files: ["triples/a1.yaml"],
      message:
        "triples/a1.yaml changed on disk since the studio read it; nothing was written. Reload to see the file as it is now, then make the change again.",
    });
    expect(read("triples/a1.yaml")).toBe(edited);
  });

  it("write atomically: no temporary file is left beside the target", async () => {
    const r = await change({ kind: "add-alias", actor: "japan", alias: "Nippon" });
    expect(r.ok).toBe(true);
    expect(readdirSync(corpus).sort()).toEqual(["actors.yaml", "articles", "corpus.yaml", "relations.yaml", "triples"]);
    expect(read("actors.yaml")).toMatch(/aliases: \[Tokyo, Japanese government, Nippon\]/);
  });

  it("refuse ids that would name a file outside the corpus, and files reached through a symbolic link", async () => {
    const outside = await change({
      kind: "add-article",
      id: "../escape",
      article: { title: "T", publisher: "P", date: "2020", date_note: "Dateline.", body: "Text." },
    });
    expect(outside).toMatchObject({ ok: false, kind: "refused", message: expect.stringMatching(/outside the corpus directory/) });
    rmSync(join(corpus, "triples/a2.yaml"));
    writeFileSync(join(dir, "elsewhere.yaml"), "article: a2\ntriples: []\n");
    symlinkSync(join(dir, "elsewhere.yaml"), join(corpus, "triples/a2.yaml"));
    const linked = await change({ kind: "add-not-actor", article: "a2", name: "Sanctions", reason: "a heading" });
    expect(linked).toMatchObject({ ok: false, kind: "refused", message: expect.stringMatching(/symbolic link/) });
    expect(readFileSync(join(dir, "elsewhere.yaml"), "utf8")).toBe("article: a2\ntriples: []\n");
  });
});

describe("studio API over HTTP", () => {
  let server: Server;
  let base: string;
  beforeEach(async () => {
    server = createServer((req, res) => {
      void studio.handle(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (headers: Record<string, string>) =>
    fetch(`${base}${API_PATH}/change`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ change: { kind: "add-alias", actor: "japan", alias: "Nippon" }, versions: studio.state().versions }),
    });

  it("carries out a change from the studio's own page", async () => {
    const r = await post({ Origin: base });
    expect(r.status).toBe(200);
    expect(read("actors.yaml")).toContain("Nippon");
  });

  it("refuses a change from another site's page, or with no Origin, and writes nothing", async () => {
    const before = read("actors.yaml");
    const foreign = await post({ Origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { message: string }).message).toMatch(/"http:\/\/evil.example" are refused/);
    const none = await post({});
    expect(none.status).toBe(403);
    expect(read("actors.yaml")).toBe(before);
  });
});

describe("names without an actor", () => {
  it("reports the unexplained word of a titled actor's name, not the whole run", () => {
    const names = studio
      .state()
      .articles.find((a) => a.id === "a1")!
      .names.map((n) => n.name);
    // "Russian Foreign Minister Sergei Lavrov": Sergei Lavrov is an actor; "Russian" names none in this fixture.
    expect(names).toEqual(["Russian", "Japanese"]);
  });
});
