/**
 * The contract between the app and the end-to-end tests: what the app exposes
 * as `window.__kg`, so tests can wait for it, read its state and find where a
 * node is drawn. The app sets it in every build (it is how the e2e tests drive
 * the built app); it is a test hook, not an API for other pages.
 *
 * The app may type its own object as `KgHandle<AppState, Action>`; these tests
 * do not import the app's modules, so the defaults stay loose. Do not add a
 * global `Window.__kg` declaration here: the app may declare its own, and the
 * two would conflict in the one tsconfig. Use `KgWindow` in page functions:
 *
 *     await page.evaluate(() => (window as unknown as KgWindow).__kg!.getState());
 */
import type Graph from "graphology";
import type Sigma from "sigma";

/** A point in CSS pixels relative to the top-left of the page's viewport (what `page.mouse` takes). */
export interface ViewportPoint {
  x: number;
  y: number;
}

export interface KgHandle<State = unknown, Action extends { type: string } = { type: string }> {
  /**
   * true once the graph is loaded, the sigma renderer exists and has drawn
   * it at least once, and nothing is moving any more (no layout running, no
   * camera animation). It stays true afterwards: later changes (dispatch,
   * clicks) re-render on the next animation frames, not synchronously.
   * Set it only after the first complete frame, never before.
   */
  readonly ready: boolean;
  /** The graphology graph sigma draws (with the display attributes the app adds). */
  readonly graph: Graph;
  /** The sigma v3 renderer. Its container is the element with data-testid="graph". */
  readonly sigma: Sigma;
  /** The current app state (the store's state, not a copy to mutate). */
  getState(): State;
  /** Keys of the nodes and edges shown under the filters, the time window and the focus. */
  visible(): { nodes: string[]; edges: string[] };
  /** Dispatches an action to the app's store, exactly as the UI does. */
  dispatch(action: Action): void;
  /**
   * The colour a node or edge is drawn in when nothing highlights it (its
   * own colour, or its kind's or family's), null when there is no such item.
   */
  ownColor(kind: "node" | "edge", key: string): string | null;
  /**
   * Where the centre of node `key` is drawn now, in CSS pixels relative to the
   * top-left of the page's viewport: sigma's framedGraphToViewport of the
   * node's display data, plus the container's offset in the page. null when
   * the node is not drawn (no such node, or hidden by a filter).
   */
  nodeViewport(key: string): ViewportPoint | null;
}

/** `window` as page functions see it once the app is loaded. */
export type KgWindow = Window & { __kg?: KgHandle };

/** The selector of sigma's container element. */
export const GRAPH_SELECTOR = '[data-testid="graph"]';
