/**
 * Stories in the app, in Node (issue 18): the link's story and embed
 * parameters, the story domain (playing, writing a draft), reading the
 * stories a graph file carries, the story file a curator downloads, and the
 * pieces of the exports (the self-contained HTML, the ZIP of step pictures).
 */
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { jsonForScript, STORY_DATA_ID, storyHtml } from "../../src/core/export/story-html";
import { crc32, zipStored } from "../../src/core/export/zip";
import { parseStep, splitPlayerParams, withPlayerParams } from "../../src/core/story-link";
import { storyToYaml } from "../../src/core/story-yaml";
import { readStories, storyRecord, viewDelta, type Story } from "../../src/model/story";
import { DEFAULT_VIEW } from "../../src/model/view-state";
import { INITIAL_STATE, reduce } from "../../src/state/app-state";
import { INITIAL_STORY, reduceStory } from "../../src/state/story";

const step = (caption: string, selected: string | null = null) => ({ caption, view: { ...DEFAULT_VIEW, selected }, quotes: [] });
const STORY: Story = {
  id: "talks",
  title: 'Talks: the "2+2" # and more',
  steps: [
    {
      caption: 'First: a colon, a dash - and a quote "x".\nSecond line.',
      view: { ...DEFAULT_VIEW, selected: "japan", focus: 1 },
      quotes: [{ article: "a1", quote: "It's – verbatim" }],
    },
    step("Then", "russia"),
    step("At last"),
  ],
};

describe("the link's story and embed parameters", () => {
  it("are taken out of the search and the hash, the rest left for the view", () => {
    expect(splitPlayerParams("?sel=japan&story=talks&step=4&embed=1", "")).toEqual({
      params: { story: "talks", step: "4", embed: true },
      search: "?sel=japan",
      hash: "",
      ignored: [],
    });
    expect(splitPlayerParams("", "#story=talks&from=2014")).toMatchObject({
      params: { story: "talks", step: null, embed: false },
      hash: "#from=2014",
    });
    expect(splitPlayerParams("?story=a&story=b&embed=yes&step=", "").params).toEqual({ story: "a", step: null, embed: false });
    expect(splitPlayerParams("?embed=yes&step=", "").ignored).toEqual(["invalid value in 'embed'", "empty or malformed value in 'step'"]);
  });

  it("a step is a whole number from 1 to the number of steps", () => {
    expect(parseStep("1", 3)).toBe(0);
    expect(parseStep("3", 3)).toBe(2);
    for (const bad of ["0", "4", "-1", "2.5", "two", "", null, "1e1"]) expect(parseStep(bad, 3), String(bad)).toBeNull();
  });

  it("are written after the view", () => {
    expect(withPlayerParams("?sel=japan", { story: "talks", step: 3 }, true)).toBe("?sel=japan&story=talks&step=4&embed=1");
    expect(withPlayerParams("", { story: "talks", step: 0 }, false)).toBe("?story=talks&step=1");
    expect(withPlayerParams("", null, false)).toBe("");
  });
});

describe("the story domain", () => {
  it("shows a step (its view and the reader's place) at once; leaving keeps the view", () => {
    let state = reduce(INITIAL_STATE, { type: "showStep", view: STORY.steps[1]!.view, playing: { id: "talks", step: 1, draft: false } });
    expect(state.view.selected).toBe("russia");
    expect(state.story.playing).toEqual({ id: "talks", step: 1, draft: false });
    state = reduce(state, { type: "stopStory" });
    expect(state.story.playing).toBeNull();
    expect(state.view.selected).toBe("russia");
  });

  it("a draft takes steps, captions, quotes, a new order; removing the step being played keeps the reader on one that exists", () => {
    let s = reduceStory(INITIAL_STORY, { type: "startDraft", story: { id: "d", title: "D", steps: [] } });
    for (const c of ["one", "two", "three"]) s = reduceStory(s, { type: "addStep", step: step(c) });
    s = reduceStory(s, { type: "editStep", index: 1, caption: "TWO", quotes: [{ article: "a1", quote: "q" }] });
    s = reduceStory(s, { type: "moveStep", index: 2, to: 0 });
    expect(s.draft!.steps.map((x) => x.caption)).toEqual(["three", "one", "TWO"]);
    expect(s.draft!.steps[2]!.quotes).toEqual([{ article: "a1", quote: "q" }]);
    expect(reduceStory(s, { type: "moveStep", index: 0, to: -1 })).toBe(s);
    s = { ...s, playing: { id: "d", step: 2, draft: true } };
    s = reduceStory(s, { type: "removeStep", index: 2 });
    expect(s.playing).toEqual({ id: "d", step: 1, draft: true });
    s = reduceStory(s, { type: "editDraft", title: "New title", id: "new-title" });
    expect(s.playing!.id).toBe("new-title");
    s = reduceStory(s, { type: "discardDraft" });
    expect(s).toMatchObject({ draft: null, playing: null });
  });

  it("a newly loaded graph stops the story, unless its link names a step", () => {
    const playing = { ...INITIAL_STATE, story: { ...INITIAL_STORY, playing: { id: "talks", step: 2, draft: false } } };
    const data = { graph: null as never, source: { kind: "file" as const, name: "x" }, initialPositions: new Map() };
    expect(reduce(playing, { type: "loaded", data }).story.playing).toBeNull();
    expect(reduce(playing, { type: "loaded", data, playing: { id: "talks", step: 0, draft: false } }).story.playing!.step).toBe(0);
  });
});

describe("stories in the graph file", () => {
  const targets = { hasNode: (k: string) => ["japan", "russia"].includes(k), hasEdge: () => false };

  it("are read with the view rules: a step's view is the default view but for what it sets", () => {
    const [story] = readStories([storyRecord(STORY)], targets);
    expect(story).toEqual(STORY);
    expect(storyRecord(STORY).steps[0]!.view).toEqual({ selected: "japan", focus: 1 });
  });

  it("leave out what is not a story, and clear what the graph lacks", () => {
    const stories = readStories(
      [
        null,
        { id: "Bad Id", title: "x", steps: [{ caption: "c", view: {} }] },
        { id: "empty", title: "x", steps: [] },
        { id: "ok", title: "ok", steps: [{ caption: 5, view: { selected: "atlantis", focus: 7 }, quotes: [{ article: "a" }] }] },
        { id: "ok", title: "duplicate", steps: [{ caption: "c", view: {} }] },
      ],
      targets,
    );
    expect(stories).toEqual([{ id: "ok", title: "ok", steps: [{ caption: "", view: DEFAULT_VIEW, quotes: [] }] }]);
    expect(readStories("not a list", targets)).toEqual([]);
  });

  it("viewDelta keeps only what differs from the default, filters and appearance field by field", () => {
    expect(viewDelta(DEFAULT_VIEW)).toEqual({});
    expect(
      viewDelta({
        ...DEFAULT_VIEW,
        filters: { ...DEFAULT_VIEW.filters, families: ["conflict"] },
        appearance: { ...DEFAULT_VIEW.appearance, bundle: false },
      }),
    ).toEqual({ filters: { families: ["conflict"] }, appearance: { bundle: false } });
  });
});

describe("the story file a curator downloads", () => {
  it("is YAML that reads back to the same title, captions, views and quotes, whatever they hold", () => {
    const text = storyToYaml(STORY);
    expect(text.startsWith('# Story "talks": save as graph/corpus/stories/talks.yaml')).toBe(true);
    expect(load(text)).toEqual({
      title: STORY.title,
      steps: [
        { caption: STORY.steps[0]!.caption, view: { selected: "japan", focus: 1 }, quotes: STORY.steps[0]!.quotes },
        { caption: "Then", view: { selected: "russia" } },
        { caption: "At last", view: {} },
      ],
    });
  });
});

describe("the story as one HTML file", () => {
  const nasty = { attributes: { name: "</script><script>alert(1)</script> <!-- \u2028" } };
  const html = storyHtml({
    title: "A <b>story</b> & more",
    script: 'const s = "</script>"; const t = `<!--`;',
    css: "a::after{content:'</style>'}",
    graph: nasty,
  });

  it("holds the graph as data no text of it can break out of", () => {
    const start = html.indexOf(`<script type="application/json" id="${STORY_DATA_ID}">`);
    const body = html.slice(start).split(">")[1]!;
    const data = html.slice(html.indexOf(">", start) + 1, html.indexOf("</script>", start));
    expect(JSON.parse(data)).toEqual(nasty);
    expect(data).not.toMatch(/<\/?script|<!--/i);
    expect(body).toBeDefined();
    expect(jsonForScript({ q: "<" })).toBe('{"q":"\\u003c"}');
  });

  it("inlines the player and its styles so that neither ends its element early, and allows nothing from outside", () => {
    expect(html).toContain("<title>A &lt;b&gt;story&lt;/b&gt; &amp; more</title>");
    expect(html).toContain('const s = "<\\/script>"; const t = `<\\u0021--`;');
    expect(html).toContain("a::after{content:'<\\/style>'}");
    // One element of each kind closes: nothing inside ended one early.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
  });
});

describe("the ZIP of a story's pictures", () => {
  it("uses the CRC-32 of ZIP and PNG", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("stores each file under its name, readable from its central directory", () => {
    const files = [
      { name: "one.png", bytes: new Uint8Array([1, 2, 3]) },
      { name: "dos – ü.png", bytes: new Uint8Array([9]) },
    ];
    const zip = Buffer.from(zipStored(files));
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(zip.readUInt16LE(end + 10)).toBe(2);
    let at = zip.readUInt32LE(end + 16);
    for (const file of files) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const n = zip.readUInt16LE(at + 28);
      expect(zip.subarray(at + 46, at + 46 + n).toString("utf8")).toBe(file.name);
      expect(zip.readUInt32LE(at + 16)).toBe(crc32(file.bytes));
      const offset = zip.readUInt32LE(at + 42);
      expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
      const data = offset + 30 + zip.readUInt16LE(offset + 26);
      expect([...zip.subarray(data, data + file.bytes.length)]).toEqual([...file.bytes]);
      at += 46 + n;
    }
    expect(Buffer.from(zipStored(files)).equals(zip)).toBe(true);
  });
});
