import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { INITIAL_STATE, reduce, type Action, type AppState, type KGGraph, type LoadedGraph } from "../../src/state/app-state";
import { DEFAULT_FILTERS, DEFAULT_VIEW, type ViewState } from "../../src/model/view-state";
import { DEFAULT_PREFERENCES, parsePreferences } from "../../src/state/preferences";
import { filtersFitBeside } from "../../src/state/ui";

/** Freezes a state all the way down, so a reducer that mutates it throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Runs actions from a frozen copy of the initial state. */
function run(...actions: Action[]): AppState {
  return actions.reduce((state, action) => reduce(deepFreeze(state), action), structuredClone(INITIAL_STATE));
}

function loadedGraph(name = "graph.json"): LoadedGraph {
  const graph: KGGraph = new MultiDirectedGraph();
  return { graph, source: { kind: "built", name }, initialPositions: new Map() };
}

describe("INITIAL_STATE", () => {
  it("starts with nothing loaded, selected or hovered, and the default view", () => {
    expect(INITIAL_STATE.data.loaded).toBeNull();
    expect(INITIAL_STATE.ui.hovered).toBeNull();
    expect(INITIAL_STATE.view).toEqual(DEFAULT_VIEW);
    expect(INITIAL_STATE.ui.notices).toEqual([]);
  });
});

describe("select", () => {
  it("selects an actor", () => {
    expect(run({ type: "select", node: "japan" }).view.selected).toBe("japan");
  });

  it("clears the selected relation", () => {
    const state = run({ type: "select", node: "japan" }, { type: "selectEdge", edge: "e1" }, { type: "select", node: "russia" });
    expect(state.view.selected).toBe("russia");
    expect(state.view.selectedEdge).toBeNull();
  });

  it("clears the selected relation even when the actor is already selected", () => {
    const state = run({ type: "select", node: "japan" }, { type: "selectEdge", edge: "e1" }, { type: "select", node: "japan" });
    expect(state.view).toMatchObject({ selected: "japan", selectedEdge: null });
  });

  it("deselects with null", () => {
    expect(run({ type: "select", node: "japan" }, { type: "select", node: null }).view.selected).toBeNull();
  });

  it("returns the same state when the actor is already selected", () => {
    const once = run({ type: "select", node: "japan" });
    expect(reduce(once, { type: "select", node: "japan" })).toBe(once);
  });

  it("leaves the rest of the view alone", () => {
    const state = run(
      { type: "setFilters", filters: { kinds: ["person"] } },
      { type: "setFocus", depth: 2 },
      { type: "select", node: "abe" },
    );
    expect(state.view.filters.kinds).toEqual(["person"]);
    expect(state.view.focus).toBe(2);
  });
});

describe("selectEdge", () => {
  it("selects a relation and keeps the actor", () => {
    const state = run({ type: "select", node: "japan" }, { type: "selectEdge", edge: "e1" });
    expect(state.view).toMatchObject({ selected: "japan", selectedEdge: "e1" });
  });

  it("returns the same state when the relation is already selected", () => {
    const once = run({ type: "selectEdge", edge: "e1" });
    expect(reduce(once, { type: "selectEdge", edge: "e1" })).toBe(once);
  });
});

describe("hover", () => {
  it("sets the hovered actor without touching the view", () => {
    const before = run({ type: "select", node: "japan" }, { type: "setFilters", filters: { kinds: ["country"] } });
    const after = reduce(before, { type: "hover", node: "russia" });
    expect(after.ui.hovered).toBe("russia");
    expect(after.view).toBe(before.view);
    expect(reduce(after, { type: "hover", node: null }).ui.hovered).toBeNull();
  });

  it("returns the same state when the actor is already hovered", () => {
    const once = run({ type: "hover", node: "russia" });
    expect(reduce(once, { type: "hover", node: "russia" })).toBe(once);
    const none = run();
    expect(reduce(none, { type: "hover", node: null })).toBe(none);
  });
});

describe("filters", () => {
  it("merges the given filters into the current ones", () => {
    const state = run(
      { type: "setFilters", filters: { kinds: ["person"] } },
      { type: "setFilters", filters: { families: ["conflict"], keepIsolated: true } },
    );
    expect(state.view.filters).toEqual({ ...DEFAULT_FILTERS, kinds: ["person"], families: ["conflict"], keepIsolated: true });
  });

  it("overrides a filter set before", () => {
    const state = run({ type: "setFilters", filters: { kinds: ["person"] } }, { type: "setFilters", filters: { kinds: null } });
    expect(state.view.filters.kinds).toBeNull();
  });

  it("clears every filter and keeps the rest of the view", () => {
    const state = run(
      { type: "select", node: "japan" },
      { type: "setFilters", filters: { kinds: ["person"], relations: ["meets"], articles: ["a1"], keepIsolated: true } },
      { type: "clearFilters" },
    );
    expect(state.view.filters).toEqual(DEFAULT_FILTERS);
    expect(state.view.selected).toBe("japan");
  });

  it("does not change the defaults", () => {
    run({ type: "setFilters", filters: { kinds: ["person"] } });
    expect(DEFAULT_FILTERS.kinds).toBeNull();
    expect(INITIAL_STATE.view.filters.kinds).toBeNull();
  });
});

describe("notices", () => {
  it("adds notices with distinct ids, in order", () => {
    const state = run({ type: "notify", role: "status", text: "Loaded" }, { type: "notify", role: "alert", text: "Failed" });
    expect(state.ui.notices.map((n) => [n.role, n.text])).toEqual([
      ["status", "Loaded"],
      ["alert", "Failed"],
    ]);
    expect(state.ui.notices[0]!.id).not.toBe(state.ui.notices[1]!.id);
  });

  it("dismisses only the given notice", () => {
    const state = run(
      { type: "notify", role: "status", text: "one" },
      { type: "notify", role: "status", text: "two" },
      { type: "notify", role: "status", text: "three" },
    );
    const two = state.ui.notices[1]!.id;
    expect(reduce(state, { type: "dismiss", id: two }).ui.notices.map((n) => n.text)).toEqual(["one", "three"]);
  });

  it("ignores dismissing a notice that is not there", () => {
    const state = run({ type: "notify", role: "status", text: "one" });
    const missing = Math.max(...state.ui.notices.map((n) => n.id)) + 1000;
    expect(reduce(state, { type: "dismiss", id: missing }).ui.notices).toEqual(state.ui.notices);
  });

  it("merges a repeated notice into one, counted, moved to the end with a new id", () => {
    const state = run(
      { type: "notify", role: "status", text: "Link copied." },
      { type: "notify", role: "status", text: "other" },
      { type: "notify", role: "status", text: "Link copied." },
    );
    expect(state.ui.notices.map((n) => [n.text, n.count])).toEqual([
      ["other", 1],
      ["Link copied.", 2],
    ]);
    const again = reduce(state, { type: "notify", role: "status", text: "Link copied." });
    expect(again.ui.notices.at(-1)!.count).toBe(3);
    expect(again.ui.notices.at(-1)!.id).not.toBe(state.ui.notices.at(-1)!.id);
    // The same text as an alert is another notice.
    expect(reduce(state, { type: "notify", role: "alert", text: "other" }).ui.notices).toHaveLength(3);
  });

  it("keeps the newest few", () => {
    const state = run(...Array.from({ length: 10 }, (_, i): Action => ({ type: "notify", role: "status", text: `n${i}` })));
    expect(state.ui.notices.map((n) => n.text)).toEqual(["n7", "n8", "n9"]);
  });
});

describe("panels and preferences", () => {
  it("opens the filter column at start only where the graph keeps 60% of the screen", () => {
    expect(filtersFitBeside(1280)).toBe(false);
    expect(filtersFitBeside(390)).toBe(false);
    expect(filtersFitBeside(1650)).toBe(true);
    expect(filtersFitBeside(2560)).toBe(true);
  });

  it("opens and closes the drawers, and changes preferences one at a time", () => {
    const state = run({ type: "setDetailsOpen", open: true }, { type: "setFiltersOpen", open: true });
    expect([state.ui.detailsOpen, state.ui.filtersOpen]).toEqual([true, true]);
    expect(reduce(state, { type: "setDetailsOpen", open: true })).toBe(state);
    const prefs = reduce(state, { type: "setPreferences", preferences: { evidenceGroupBy: "article" } }).ui.preferences;
    expect(prefs).toEqual({ ...state.ui.preferences, evidenceGroupBy: "article" });
  });

  it("reads stored preferences member by member, keeping defaults for what it cannot use", () => {
    expect(parsePreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences("not json")).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences("[1,2]")).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences(JSON.stringify({ evidenceGroupBy: "article", playPace: 500, scheme: "dark" }))).toEqual({
      ...DEFAULT_PREFERENCES,
      evidenceGroupBy: "article",
      playPace: 500,
      scheme: "dark",
    });
    const hostile = parsePreferences(
      JSON.stringify({ evidenceGroupBy: "constructor", playPace: 1e308, scheme: "__proto__", playStep: ["year"] }),
    );
    expect(hostile).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('{"__proto__": {"evidenceSort": "quotes"}}')).toEqual(DEFAULT_PREFERENCES);
  });
});

describe("loaded", () => {
  const busy = (): AppState =>
    run(
      { type: "loadFailed", error: "404" },
      { type: "select", node: "japan" },
      { type: "selectEdge", edge: "e1" },
      { type: "setFilters", filters: { kinds: ["person"] } },
      { type: "hover", node: "russia" },
      { type: "openReader", article: "a1", quote: "q" },
      { type: "layoutRunning", running: true },
    );

  it("stores the graph and clears the error and the transient state", () => {
    const data = loadedGraph();
    const state = reduce(busy(), { type: "loaded", data });
    expect(state.data.loaded).toBe(data);
    expect(state.data.error).toBeNull();
    expect(state.ui.hovered).toBeNull();
    expect(state.ui.reader).toBeNull();
    expect(state.ui.layoutRunning).toBe(false);
  });

  it("resets the view to the default", () => {
    const state = reduce(busy(), { type: "loaded", data: loadedGraph() });
    expect(state.view).toEqual(DEFAULT_VIEW);
  });

  it("takes the view it is given (e.g. from a link)", () => {
    const view: ViewState = { ...DEFAULT_VIEW, selected: "putin", focus: 1, filters: { ...DEFAULT_FILTERS, families: ["conflict"] } };
    const state = reduce(busy(), { type: "loaded", data: loadedGraph(), view });
    expect(state.view).toEqual(view);
  });

  it("replaces a graph loaded before", () => {
    const first = loadedGraph("first.json");
    const second = loadedGraph("second.json");
    const state = run({ type: "loaded", data: first }, { type: "loaded", data: second });
    expect(state.data.loaded).toBe(second);
  });
});

describe("reader", () => {
  it("opens and closes, and closing a closed reader changes nothing", () => {
    const open = run({ type: "openReader", article: "a1", quote: "we will not retreat" });
    expect(open.ui.reader).toEqual({ article: "a1", quote: "we will not retreat" });
    const closed = reduce(open, { type: "closeReader" });
    expect(closed.ui.reader).toBeNull();
    expect(reduce(closed, { type: "closeReader" })).toBe(closed);
  });
});
