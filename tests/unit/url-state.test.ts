import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPartialDate } from "../../src/model/dates";
import { decodeView, describeIgnored, encodeView, isHistoryWorthy, knownIds, roundCamera, type KnownIds } from "../../src/core/url-state";
import { FAMILIES } from "../../src/model/graph-file";
import {
  CAMERA_LIMITS,
  COLOR_BY,
  DEFAULT_VIEW,
  EDGE_COLOR_BY,
  EDGE_LABEL_MODES,
  isQuoteQuery,
  SIZE_BY,
  type ViewState,
} from "../../src/model/view-state";
import { makeGraph } from "./helpers/graphs";

// Ids with characters a query string treats specially.
const g = makeGraph({
  nodes: [
    ["japan", "country"],
    ["russia", "country"],
    ["côte-d'ivoire", "country"],
    ["x&y=z", "organization"],
    ["a,b", "person"],
    ["100%", "place"],
    ["plus+sign", "event"],
    ["emoji🙂", "document"],
    ["sp ace", "grouping"],
  ],
  edges: [
    ["japan", "sanctions", "russia", ["a1", "2014-03"]],
    ["x&y=z", "criticises", "a,b", ["a/b?c#d", "2017"]],
    ["100%", "meets", "emoji🙂", ["x,y", "2001-02-03"]],
    ["sp ace", "member-of", "côte-d'ivoire", ["a1", "2015"]],
    ["plus+sign", "leads", "japan", ["a1", "2016-05"]],
  ],
});
const known = knownIds(g);
const ALL = {
  nodes: [...known.nodes],
  edges: [...known.edges],
  kinds: [...known.kinds],
  relations: [...known.relations],
  articles: [...known.articles],
};

const make = (partial: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...partial });
const decode = (search: string, hash = "") => decodeView(search, hash, known);

function expectValidView(view: ViewState, ids: KnownIds) {
  const node = (v: string | null) => v === null || ids.nodes.has(v);
  const list = (l: readonly string[] | null, set: ReadonlySet<string>) =>
    l === null || (Array.isArray(l) && l.every((v) => set.has(v)) && new Set(l).size === l.length);
  expect(Object.keys(view).sort()).toEqual(Object.keys(DEFAULT_VIEW).sort());
  expect(node(view.selected) && node(view.path.from) && node(view.path.to)).toBe(true);
  expect(view.selectedEdge === null || ids.edges.has(view.selectedEdge)).toBe(true);
  expect(list(view.filters.kinds, ids.kinds)).toBe(true);
  expect(list(view.filters.families, new Set(FAMILIES))).toBe(true);
  expect(list(view.filters.relations, ids.relations)).toBe(true);
  expect(list(view.filters.articles, ids.articles)).toBe(true);
  expect(typeof view.filters.keepIsolated).toBe("boolean");
  for (const d of [view.time.from, view.time.to]) expect(d === null || isPartialDate(d)).toBe(true);
  expect([0, 1, 2]).toContain(view.focus);
  if (view.camera !== null) {
    const { x, y, ratio, angle } = view.camera;
    expect([x, y, ratio, angle].every(Number.isFinite) && ratio > 0).toBe(true);
    expect(Object.keys(view.camera).sort()).toEqual(["angle", "ratio", "x", "y"]);
  }
}

/** Views the examples below share. */
const views: ViewState[] = [
  DEFAULT_VIEW,
  make({ selected: "japan" }),
  make({ selected: "côte-d'ivoire", focus: 2 }),
  make({ selected: "x&y=z", selectedEdge: "x&y=z>criticises>a,b" }),
  make({
    filters: {
      kinds: ["person", "country"],
      families: ["neutral", "conflict"],
      relations: null,
      articles: ["x,y", "a/b?c#d"],
      keepIsolated: true,
      quote: null,
    },
  }),
  make({ filters: { kinds: [], families: [], relations: [], articles: [], keepIsolated: false, quote: null } }),
  make({ time: { from: "2013", to: "2013" } }),
  make({ time: { from: "2016-02-29", to: null } }),
  make({ path: { from: "100%", to: "emoji🙂" } }),
  make({ path: { from: "sp ace", to: null }, camera: { x: -3.25, y: 0.0001, ratio: 2.5, angle: 1.5708 } }),
  make({ camera: { x: 0.123457, y: 0, ratio: 0.04123, angle: 0 } }),
];

describe("encodeView", () => {
  it("writes nothing for the default view", () => {
    expect(encodeView(DEFAULT_VIEW)).toBe("");
  });

  it("writes only what differs from the default, in a fixed order", () => {
    const view = make({
      camera: { x: 0.5, y: 0.25, ratio: 0.8, angle: 0 },
      selectedEdge: "japan>sanctions>russia",
      path: { from: "japan", to: "russia" },
      focus: 1,
      time: { from: "2013", to: "2014-06" },
      filters: {
        kinds: ["country", "person"],
        families: ["conflict"],
        relations: ["sanctions"],
        articles: ["a1"],
        keepIsolated: true,
        quote: null,
      },
      selected: "japan",
    });
    expect(encodeView(view)).toBe(
      "?sel=japan&kinds=country,person&fam=conflict&rel=sanctions&art=a1&iso=1&from=2013&to=2014-06&focus=1" +
        "&pfrom=japan&pto=russia&edge=japan%3Esanctions%3Erussia&cam=0.5,0.25,0.8,0",
    );
    expect(encodeView(make({ time: { from: null, to: "2014" } }))).toBe("?to=2014");
    expect(encodeView(make({ path: { from: null, to: "russia" } }))).toBe("?pto=russia");
  });

  it("percent-encodes each value, commas inside ids included", () => {
    expect(encodeView(make({ selected: "x&y=z" }))).toBe("?sel=x%26y%3Dz");
    expect(encodeView(make({ selected: "plus+sign" }))).toBe("?sel=plus%2Bsign");
    expect(encodeView(make({ filters: { ...DEFAULT_VIEW.filters, articles: ["x,y", "a/b?c#d"] } }))).toBe("?art=x%2Cy,a%2Fb%3Fc%23d");
  });

  it("writes an empty list, which shows nothing, unlike an absent one", () => {
    expect(encodeView(make({ filters: { ...DEFAULT_VIEW.filters, kinds: [] } }))).toBe("?kinds=");
  });

  it("rounds the camera to what a screen can show", () => {
    const view = make({ camera: { x: 0.123456789, y: -0.5, ratio: 0.0123456, angle: 3.14159265 } });
    expect(encodeView(view)).toBe("?cam=0.123457,-0.5,0.01235,3.1416");
    expect(encodeView(make({ camera: { x: -0.00001, y: 1e-9, ratio: 1.23456, angle: -0 } }))).toBe("?cam=0,0,1.235,0");
    expect(roundCamera({ x: 12.3456789, y: 0, ratio: 150, angle: 0 })).toEqual({ x: 12.3457, y: 0, ratio: 150, angle: 0 });
  });

  it("never throws on a lone surrogate", () => {
    expect(encodeView(make({ selected: "bad\uD800" }))).toBe("?sel=bad%EF%BF%BD");
  });
});

describe("decodeView", () => {
  it.each(views.map((v) => [encodeView(v) || "(default)", v] as const))("round-trips %s", (_, view) => {
    expect(decode(encodeView(view))).toEqual({ view, ignored: [] });
  });

  it("accepts a search with or without its question mark, and empty pieces", () => {
    expect(decode("sel=japan").view.selected).toBe("japan");
    expect(decode("?&&sel=japan&&").view.selected).toBe("japan");
    expect(decode("")).toEqual({ view: DEFAULT_VIEW, ignored: [] });
    expect(decode("?", "#")).toEqual({ view: DEFAULT_VIEW, ignored: [] });
  });

  it("reads '+' as a space, as forms write it", () => {
    expect(decode("?sel=sp+ace").view.selected).toBe("sp ace");
    expect(decode("?sel=sp%20ace").view.selected).toBe("sp ace");
    expect(decode("?sel=plus%2Bsign").view.selected).toBe("plus+sign");
  });

  it("drops an unknown actor or relation with a note", () => {
    expect(decode("?sel=xyz&focus=1")).toEqual({ view: make({ focus: 1 }), ignored: ["unknown actor 'xyz' in sel"] });
    expect(decode("?pfrom=japan&pto=atlantis")).toEqual({
      view: make({ path: { from: "japan", to: null } }),
      ignored: ["unknown actor 'atlantis' in pto"],
    });
    expect(decode("?edge=nope").ignored).toEqual(["unknown relation 'nope' in edge"]);
  });

  it("drops just the unknown or repeated ids of a list", () => {
    expect(decode("?kinds=country,martian,person,country")).toEqual({
      view: make({ filters: { ...DEFAULT_VIEW.filters, kinds: ["country", "person"] } }),
      ignored: ["unknown kind 'martian' in kinds", "repeated kind 'country' in kinds"],
    });
    expect(decode("?fam=conflict,love").ignored).toEqual(["unknown family 'love' in fam"]);
    expect(decode("?rel=sanctions,hugs").view.filters.relations).toEqual(["sanctions"]);
    expect(decode("?art=a1,,zz").ignored).toEqual(["empty item in 'art'", "unknown article 'zz' in art"]);
    expect(decode("?art=a1,%E0%A4%A").ignored).toEqual(["malformed percent-encoding in 'art'"]);
  });

  it("falls back to all when nothing of a list is left, but keeps an explicit empty list", () => {
    expect(decode("?kinds=martian")).toEqual({
      view: DEFAULT_VIEW,
      ignored: ["unknown kind 'martian' in kinds", "nothing usable left in 'kinds': showing all"],
    });
    expect(decode("?kinds=")).toEqual({ view: make({ filters: { ...DEFAULT_VIEW.filters, kinds: [] } }), ignored: [] });
  });

  it("notes malformed percent-encoding", () => {
    expect(decode("?from=%E0%A4%A&sel=japan")).toEqual({
      view: make({ selected: "japan" }),
      ignored: ["malformed percent-encoding in 'from'"],
    });
    expect(decode("?%ZZ=1").ignored).toEqual(["malformed percent-encoding in parameter name '%ZZ'"]);
  });

  it("keeps the first of a repeated parameter", () => {
    expect(decode("?sel=japan&sel=russia")).toEqual({ view: make({ selected: "japan" }), ignored: ["repeated parameter 'sel'"] });
  });

  it("notes unknown parameters", () => {
    expect(decode("?foo=1&sel=japan&utm_source")).toEqual({
      view: make({ selected: "japan" }),
      ignored: ["unknown parameter 'foo'", "unknown parameter 'utm_source'"],
    });
  });

  it("notes invalid dates, focus, flags and cameras", () => {
    expect(decode("?from=abc").ignored).toEqual(["invalid date 'abc' in from"]);
    expect(decode("?to=2017-02-30")).toEqual({ view: DEFAULT_VIEW, ignored: ["invalid date '2017-02-30' in to"] });
    expect(decode("?focus=3").ignored).toEqual(["invalid value '3' in focus"]);
    expect(decode("?iso=yes")).toEqual({ view: DEFAULT_VIEW, ignored: ["invalid value 'yes' in iso"] });
    expect(decode("?iso=0")).toEqual({ view: DEFAULT_VIEW, ignored: [] });
    expect(decode("?sel=").ignored).toEqual(["empty value in 'sel'"]);
    for (const cam of ["1,2,0,0", "1,2,3", "a,b,c,d", "1,2,Infinity,0", "0x10,0,1,0", "1,2,-1,0", "1,,1,0", "1,2,1,0,5"]) {
      expect(decode(`?cam=${cam}`), cam).toEqual({ view: DEFAULT_VIEW, ignored: [`invalid camera '${cam}' in cam`] });
    }
  });

  it("refuses a camera that would show nothing (absurd zoom or a centre far off the graph), so the graph is fitted instead", () => {
    for (const cam of ["1e308,1e308,1e308,1e308", "0.5,0.5,0.000001,0", "0.5,0.5,100,0", "1000000,0.5,1,0", "0.5,-40,1,0"]) {
      expect(decode(`?cam=${cam}`), cam).toEqual({ view: DEFAULT_VIEW, ignored: [`invalid camera '${cam}' in cam`] });
    }
    expect(decode("?cam=1e-3,-2.5,.5,0").view.camera).toEqual({ x: 0.001, y: -2.5, ratio: 0.5, angle: 0 });
  });

  it("reads parameters from the hash, the query string winning", () => {
    expect(decode("", "#sel=japan&focus=1")).toEqual({ view: make({ selected: "japan", focus: 1 }), ignored: [] });
    expect(decode("", "#/?sel=japan").view.selected).toBe("japan");
    expect(decode("?sel=russia", "#sel=japan&bar=2")).toEqual({
      view: make({ selected: "russia" }),
      ignored: ["repeated parameter 'sel' in the hash", "unknown parameter 'bar' in the hash"],
    });
  });

  it("notes garbage in the hash", () => {
    expect(decode("?sel=japan", "#!!!")).toEqual({ view: make({ selected: "japan" }), ignored: ["garbage in the hash '!!!'"] });
  });

  it("shortens long garbage in notes", () => {
    const [note] = decode(`?${"z".repeat(5000)}=1`).ignored;
    expect(note).toBe(`unknown parameter '${"z".repeat(40)}…'`);
  });
});

describe("isHistoryWorthy", () => {
  const base = make({
    selected: "japan",
    filters: { ...DEFAULT_VIEW.filters, kinds: ["country", "person"] },
    camera: { x: 0, y: 0, ratio: 1, angle: 0 },
  });

  it("is false when only the camera changed", () => {
    expect(isHistoryWorthy(base, { ...base, camera: { x: 0.3, y: 0, ratio: 0.5, angle: 0 } })).toBe(false);
    expect(isHistoryWorthy(base, { ...base, camera: null })).toBe(false);
    expect(isHistoryWorthy(base, { ...base })).toBe(false);
  });

  it("ignores the order of filter lists", () => {
    expect(isHistoryWorthy(base, { ...base, filters: { ...base.filters, kinds: ["person", "country"] } })).toBe(false);
  });

  it("is true when anything else changed", () => {
    const changes: Partial<ViewState>[] = [
      { selected: "russia" },
      { selected: null },
      { selectedEdge: "japan>sanctions>russia" },
      { filters: { ...base.filters, kinds: ["country"] } },
      { filters: { ...base.filters, kinds: null } },
      { filters: { ...base.filters, kinds: ["country", "person", "place"] } },
      { filters: { ...base.filters, families: [] } },
      { filters: { ...base.filters, relations: ["meets"] } },
      { filters: { ...base.filters, articles: ["a1"] } },
      { filters: { ...base.filters, keepIsolated: true } },
      { time: { from: "2013", to: null } },
      { time: { from: null, to: "2013" } },
      { focus: 2 },
      { path: { from: "japan", to: null } },
      { path: { from: null, to: "japan" } },
    ];
    for (const change of changes) expect(isHistoryWorthy(base, { ...base, ...change }), JSON.stringify(change)).toBe(true);
    expect(isHistoryWorthy(make({ filters: { ...DEFAULT_VIEW.filters, kinds: [] } }), DEFAULT_VIEW)).toBe(true);
  });
});

describe("properties", () => {
  const partialDate = fc
    .tuple(
      fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
      fc.constantFrom(4, 7, 10),
    )
    .map(([d, n]) => d.toISOString().slice(0, n));
  const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const list = (values: string[]) => opt(fc.shuffledSubarray(values));
  const node = opt(fc.constantFrom(...ALL.nodes));
  // Any camera the renderer can take (the model's CAMERA_LIMITS).
  const { minRatio, maxRatio, maxOffset } = CAMERA_LIMITS;
  const camera = fc.record({
    x: fc.double({ min: 0.5 - maxOffset + 1e-3, max: 0.5 + maxOffset - 1e-3, noNaN: true }),
    y: fc.double({ min: 0.5 - maxOffset + 1e-3, max: 0.5 + maxOffset - 1e-3, noNaN: true }),
    ratio: fc.double({ min: minRatio * 1.01, max: maxRatio * 0.99, noNaN: true }),
    angle: fc.double({ min: -10, max: 10, noNaN: true }),
  });
  const viewWith = (cam: fc.Arbitrary<ViewState["camera"]>): fc.Arbitrary<ViewState> =>
    fc.record({
      selected: node,
      selectedEdge: opt(fc.constantFrom(...ALL.edges)),
      filters: fc.record({
        kinds: list(ALL.kinds),
        families: opt(fc.shuffledSubarray([...FAMILIES])),
        relations: list(ALL.relations),
        articles: list(ALL.articles),
        keepIsolated: fc.boolean(),
        quote: opt(fc.string({ minLength: 1, maxLength: 40 }).filter(isQuoteQuery)),
      }),
      time: fc.record({ from: opt(partialDate), to: opt(partialDate) }),
      focus: fc.constantFrom(0 as const, 1 as const, 2 as const),
      path: fc.record({ from: node, to: node }),
      camera: cam,
      appearance: fc.record({
        bundle: fc.boolean(),
        edgeLabels: fc.constantFrom(...EDGE_LABEL_MODES),
        sizeBy: fc.constantFrom(...SIZE_BY),
        colorBy: fc.constantFrom(...COLOR_BY),
        edgeColorBy: fc.constantFrom(...EDGE_COLOR_BY),
        labelSize: fc.integer({ min: 50, max: 200 }).map((n) => n / 100),
        labelDensity: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      }),
      compare: opt(
        fc.record({
          a: fc.record({ from: opt(partialDate), to: opt(partialDate) }),
          b: fc.record({ from: opt(partialDate), to: opt(partialDate) }),
        }),
      ),
    });
  const arbView = viewWith(opt(camera.map(roundCamera)));

  it("round-trips any view over the known graph exactly", () => {
    fc.assert(
      fc.property(arbView, (view) => {
        expect(decode(encodeView(view))).toEqual({ view, ignored: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("encodes a decoded view to the same link, whatever the camera's precision", () => {
    fc.assert(
      fc.property(viewWith(opt(camera)), (view) => {
        const link = encodeView(view);
        const back = decode(link).view;
        expect(encodeView(back)).toBe(link);
        if (view.camera && back.camera) {
          expect(Math.abs(back.camera.x - view.camera.x)).toBeLessThanOrEqual(back.camera.ratio * 1e-4);
          expect(Math.abs(back.camera.ratio - view.camera.ratio) / view.camera.ratio).toBeLessThanOrEqual(1e-3);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Garbage built from the pieces a query string is made of, so the parser's deeper branches are reached too.
  const fragment = fc.oneof(
    fc.string(),
    fc.constantFrom("sel", "kinds", "fam", "rel", "art", "iso", "from", "to", "focus", "pfrom", "pto", "edge", "cam"),
    fc.constantFrom("=", "&", ",", "%", "%2", "%E0%A4%A", "%ZZ", "+", "#", "?", "/", "\uD800", "🙂", "%F0%9F%99%82"),
    fc.constantFrom(...ALL.nodes, ...ALL.kinds, "2013", "2017-02-30", "1", "0.5", "-0", "NaN", "1e999"),
  );
  const garbage = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join("")),
  );

  it("never throws on garbage and always gives a valid view", () => {
    fc.assert(
      fc.property(garbage, garbage, (search, hash) => {
        const { view, ignored } = decodeView(search, hash, known);
        expectValidView(view, known);
        expect(ignored.every((note) => typeof note === "string" && note.length > 0)).toBe(true);
        // A piece naming no known parameter is always reported.
        const names = search
          .replace(/^\?/, "")
          .split("&")
          .filter(Boolean)
          .map((p) => p.split("=")[0]!);
        const known13 = new Set(["sel", "kinds", "fam", "rel", "art", "iso", "from", "to", "focus", "pfrom", "pto", "edge", "cam"]);
        if (names.some((n) => !/[%+]/.test(n) && !known13.has(n))) expect(ignored.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  // Each adds one broken thing to a link that must not change the view it describes.
  const spoilList = (item: string) => (q: string) =>
    /[?&](kinds|fam|rel|art)=[^&]/.test(q) ? q.replace(/([?&](?:kinds|fam|rel|art)=[^&]+)/, `$1,${item}`) : `${q}&kinds=${item || ","}`; // no list to spoil: one with nothing usable
  const corruptions: ((q: string) => string)[] = [
    (q) => `${q}&zz=1`,
    (q) => `${q}&%E0%A4%A=1`,
    spoilList("martian"),
    spoilList("%E0%A4%A"),
    spoilList(""),
    (q) => (/[?&]sel=/.test(q) ? `${q}&sel=russia` : `${q}&sel=atlantis`),
    (q) => (/[?&]from=/.test(q) ? `${q}&from=2001` : `${q}&from=20o1`),
    (q) => (/[?&]cam=/.test(q) ? `${q}&cam=1,1,1,1` : `${q}&cam=1,1,0,1`),
  ];
  const checkCorrupted = (view: ViewState, corrupt: (q: string) => string, inHash: boolean) => {
    const broken = corrupt(encodeView(view) || "?");
    const { view: back, ignored } = inHash ? decode("", `#${broken.slice(1)}`) : decode(broken);
    expect(back, broken).toEqual(view);
    expect(ignored.length, broken).toBeGreaterThan(0);
  };

  it("drops only what is broken, with a note, and keeps the rest of the view", () => {
    const fixed = [
      DEFAULT_VIEW,
      make({ filters: { kinds: [], families: [], relations: [], articles: [], keepIsolated: false, quote: null } }),
      views[4]!,
      views[9]!,
    ];
    for (const view of fixed) for (const corrupt of corruptions) for (const inHash of [false, true]) checkCorrupted(view, corrupt, inHash);
    fc.assert(fc.property(arbView, fc.constantFrom(...corruptions), fc.boolean(), checkCorrupted), { numRuns: 500 });
  });
});

describe("describeIgnored", () => {
  it("merges repeats with a count and lists only the first few notes, so a hostile link gives one short line", () => {
    const { ignored } = decodeView(
      `?${"sel=japan&".repeat(10_000)}${Array.from({ length: 20 }, (_, i) => `x${i}=1`).join("&")}`,
      "",
      known,
    );
    const text = describeIgnored(ignored);
    expect(text).toContain("repeated parameter 'sel' (9,999 times)");
    expect(text).toContain("unknown parameter 'x0'");
    expect(text).not.toContain("'x7'");
    expect(text).toMatch(/; and 13 more\.$/);
    expect(text.length).toBeLessThan(400);
  });

  it("reads as before for a few notes", () => {
    expect(describeIgnored(["unknown actor 'xyz' in sel"])).toBe("Some parts of the link were ignored: unknown actor 'xyz' in sel.");
  });
});
