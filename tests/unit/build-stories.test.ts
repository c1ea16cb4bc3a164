/**
 * Stories in the corpus (graph/corpus/stories/<id>.yaml), built by the CLI:
 * a valid story lands in graph.json; each kind of bad story fails with its
 * `file:line: message`, exits 1 and leaves the previous output as it was.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storyToYaml } from "../../src/core/story-yaml";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { readStories } from "../../src/model/story";
import { DEFAULT_VIEW } from "../../src/model/view-state";
import {
  SENTINEL,
  buildWithCli,
  copyCorpus,
  lineOf,
  makeTempDir,
  problemLines,
  removeTempDirs,
  sentinelOut,
  siblings,
  where,
  writeCorpusFile,
} from "./helpers/corpus";

afterAll(removeTempDirs);

const VALID = `title: Sanctions and talks
description: From the first 2+2 to the sanctions of 2022.
steps:
  - caption: >-
      In November 2013 the foreign ministers met in Tokyo.
    view:
      selected: sergei-lavrov
      time: { from: 2013, to: 2013 }
    quotes:
      - article: a1
        quote: Russian Foreign Minister Sergei Lavrov met Japanese Foreign Minister Fumio Kishida.
  - caption: In 2022 Japan imposed sanctions.
    view:
      selectedEdge: japan|sanctions|russia
      filters:
        families: [conflict]
      compare:
        a: { to: "2016" }
        b: { from: "2022" }
      camera: { x: 0.5, y: 0.5, ratio: 0.8, angle: 0 }
    quotes:
      - article: a2
        quote: Japan imposed sanctions on Russia on 25 February 2022.
  - caption: The whole picture.
`;

/** The mini corpus with one story file. */
function withStory(text: string, name = "talks.yaml"): string {
  const dir = copyCorpus();
  mkdirSync(join(dir, "stories"));
  writeCorpusFile(dir, `stories/${name}`, text);
  return dir;
}

async function expectRejected(dir: string, file: string, expected: [needle: string, message: string][]): Promise<void> {
  const out = sentinelOut();
  const result = await buildWithCli(dir, out);
  const printed = problemLines(result.stderr);
  const wanted = expected.map(([needle, message]) => `${where(dir, file, needle === "" ? 0 : lineOf(dir, file, needle))} ${message}`);
  expect([...printed].sort()).toEqual([...wanted.map((w) => w.replace(/:0: /, ": "))].sort());
  expect(result.stderr).toContain(`graph: ${expected.length} error${expected.length === 1 ? "" : "s"}; nothing written`);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.code).toBe(1);
  expect(readFileSync(out, "utf8")).toBe(SENTINEL);
  expect(siblings(out)).toEqual(["graph.json"]);
}

const FILE = "stories/talks.yaml";

describe("a valid story", () => {
  it("builds into graph.json, each step's view stored as what differs from the default", async () => {
    const dir = withStory(VALID);
    const out = join(makeTempDir("kg-out-"), "graph.json");
    const result = await buildWithCli(dir, out);
    expect(result.stderr).not.toContain("error");
    expect(result.code).toBe(0);
    const file = graphFileSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    const [story] = file.attributes.stories!;
    expect(story).toEqual({
      id: "talks",
      title: "Sanctions and talks",
      description: "From the first 2+2 to the sanctions of 2022.",
      steps: [
        {
          caption: "In November 2013 the foreign ministers met in Tokyo.",
          view: { selected: "sergei-lavrov", time: { from: "2013", to: "2013" } },
          quotes: [{ article: "a1", quote: "Russian Foreign Minister Sergei Lavrov met Japanese Foreign Minister Fumio Kishida." }],
        },
        {
          caption: "In 2022 Japan imposed sanctions.",
          view: {
            selectedEdge: "japan|sanctions|russia",
            filters: { families: ["conflict"] },
            camera: { x: 0.5, y: 0.5, ratio: 0.8, angle: 0 },
            compare: { a: { from: null, to: "2016" }, b: { from: "2022", to: null } },
          },
          quotes: [{ article: "a2", quote: "Japan imposed sanctions on Russia on 25 February 2022." }],
        },
        { caption: "The whole picture.", view: {}, quotes: [] },
      ],
    });
  });

  it("reads back in the app as the views the curator wrote, and downloads as a file that builds to the same story", async () => {
    const dir = withStory(VALID);
    const out = join(makeTempDir("kg-out-"), "graph.json");
    expect((await buildWithCli(dir, out)).code).toBe(0);
    const file = JSON.parse(readFileSync(out, "utf8")) as { attributes: { stories: unknown }; nodes: { key: string }[] };
    const nodes = new Set(file.nodes.map((n) => n.key));
    const targets = { hasNode: (k: string) => nodes.has(k), hasEdge: () => true };
    const [story] = readStories(file.attributes.stories, targets);
    expect(story!.steps[0]!.view).toEqual({ ...DEFAULT_VIEW, selected: "sergei-lavrov", time: { from: "2013", to: "2013" } });
    expect(story!.steps[2]!.view).toEqual(DEFAULT_VIEW);

    // What "Download story" writes, dropped into another copy of the corpus, builds to the same record.
    const again = withStory(storyToYaml(story!));
    const out2 = join(makeTempDir("kg-out-"), "graph.json");
    expect((await buildWithCli(again, out2)).code).toBe(0);
    const rebuilt = JSON.parse(readFileSync(out2, "utf8")) as { attributes: { stories: unknown } };
    expect(rebuilt.attributes.stories).toEqual(file.attributes.stories);
  });

  it("a corpus without a stories folder builds as before, with no stories member", async () => {
    const out = join(makeTempDir("kg-out-"), "graph.json");
    expect((await buildWithCli(copyCorpus(), out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).attributes).not.toHaveProperty("stories");
  });
});

describe("a bad story fails the build with file:line: message and writes nothing", () => {
  it("an unknown actor, as the selection and as a path end", async () => {
    const dir = withStory(
      VALID.replace("selected: sergei-lavrov", "selected: sergei-lavrof").replace(
        "  - caption: The whole picture.\n",
        "  - caption: The whole picture.\n    view:\n      path: { from: japan, to: atlantis }\n",
      ),
    );
    await expectRejected(dir, FILE, [
      ["selected: sergei-lavrof", 'step 1: unknown actor "sergei-lavrof"'],
      ["atlantis", 'step 3: unknown actor "atlantis"'],
    ]);
  });

  it("an unknown relation (edge), and an unknown relation type in a filter", async () => {
    const dir = withStory(
      VALID.replace("selectedEdge: japan|sanctions|russia", "selectedEdge: russia|meets|japan").replace(
        "families: [conflict]",
        "families: [conflict]\n        relations: [sanctions, invades]",
      ),
    );
    await expectRejected(dir, FILE, [
      [
        "selectedEdge: russia|meets|japan",
        'step 2: unknown relation "russia|meets|japan" (a relation is subject|relation|object as the graph keys it; an undirected one lists its actors in alphabetical order)',
      ],
      ["relations: [sanctions, invades]", 'step 2: unknown relation type "invades"'],
    ]);
  });

  it("an unknown article, cited and in a filter", async () => {
    const dir = withStory(
      VALID.replace("      - article: a2\n", "      - article: a9\n").replace("families: [conflict]", "articles: [a1, a7]"),
    );
    await expectRejected(dir, FILE, [
      ["article: a9", 'step 2: unknown article "a9"'],
      ["articles: [a1, a7]", 'step 2: unknown article "a7"'],
    ]);
  });

  it("an invalid or unknown view member", async () => {
    const dir = withStory(
      VALID.replace("time: { from: 2013, to: 2013 }", "time: { from: 2013, to: 2013 }\n      focus: 3\n      zoom: 2").replace(
        "camera: { x: 0.5, y: 0.5, ratio: 0.8, angle: 0 }",
        "camera: { x: 0.5, y: 0.5, ratio: 80, angle: 0 }\n      appearance: { bundle: maybe }",
      ),
    );
    await expectRejected(dir, FILE, [
      ["focus: 3", 'step 1: "focus" must be 0, 1 or 2'],
      ["zoom: 2", 'step 1: unknown view member "zoom"'],
      ["camera: {", 'step 2: "camera" must be { x, y, ratio, angle } with a ratio from 0.03 to 8, or null'],
      ["appearance: { bundle: maybe }", 'step 2: "appearance.bundle" has an invalid value'],
    ]);
  });

  it("a date that is not one, in the time window or a compared period", async () => {
    const dir = withStory(
      VALID.replace("time: { from: 2013, to: 2013 }", "time: { from: 2013, to: 2013-13 }").replace(
        'b: { from: "2022" }',
        'b: { from: "soon" }',
      ),
    );
    await expectRejected(dir, FILE, [
      ["time: { from: 2013, to: 2013-13 }", 'step 1: "time" must be { from, to } with dates (YYYY, YYYY-MM or YYYY-MM-DD) or null'],
      // A mapping entry is located at its key (graph/build/located-yaml.ts): the line of "compare:".
      ["      compare:", 'step 2: "compare" must be { a: { from, to }, b: { from, to } } with dates or null, or null'],
    ]);
  });

  it("a quote that is not verbatim in its article", async () => {
    const dir = withStory(
      VALID.replace(
        "quote: Japan imposed sanctions on Russia on 25 February 2022.",
        "quote: Japan imposed harsh sanctions on Russia on 25 February 2022.",
      ),
    );
    await expectRejected(dir, FILE, [
      [
        "harsh sanctions",
        'step 2: quote does not occur verbatim in the body of article "a2": "Japan imposed harsh sanctions on Russia on 25 February 2022."',
      ],
    ]);
  });

  it("a step without a caption, a misspelt field, a story without steps, a file name that is no id", async () => {
    const dir = withStory(VALID.replace("  - caption: The whole picture.\n", "  - view: {}\n    qoutes: []\n"));
    writeCorpusFile(dir, "stories/Empty Story.yaml", "title: Nothing yet\nsteps: []\n");
    const out = sentinelOut();
    const result = await buildWithCli(dir, out);
    const printed = problemLines(result.stderr);
    expect([...printed].sort()).toEqual(
      [
        `${where(dir, FILE, lineOf(dir, FILE, "  - view: {}"))} missing required field "caption"`,
        `${where(dir, FILE, lineOf(dir, FILE, "qoutes"))} unknown field "qoutes"`,
        `${where(dir, "stories/Empty Story.yaml", 0).replace(/:0:$/, ":")} story file name "Empty Story.yaml" must be lowercase letters, digits and dashes (it is the story's id)`,
        `${where(dir, "stories/Empty Story.yaml", 2)} "steps" is empty`,
      ].sort(),
    );
    expect(result.code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
  });
});
