/**
 * Helpers shared by the explorer and filter/link end-to-end tests: reading
 * where and how nodes are drawn, checking colours in screenshots around a
 * point, finding empty background to click, and driving the store through
 * `window.__kg` (typed loosely: these tests do not import the app).
 */
import type { Page } from "playwright-core";
import { decodePng, nextFrames, type Region } from "./browser";
import type { KgWindow, ViewportPoint } from "./app-handle";

export type RGB = readonly [number, number, number];

/** "#3b6fb6" → [59, 111, 182]. */
export function hexToRgb(hex: string): RGB {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** Largest difference of one channel. */
export function channelDistance(a: readonly number[], b: RGB): number {
  return Math.max(Math.abs(a[0]! - b[0]), Math.abs(a[1]! - b[1]), Math.abs(a[2]! - b[2]));
}

/**
 * The share (0…1) of the pixels within `radius` of `center` whose colour is
 * within `tolerance` (per channel) of `color`.
 */
export function discShare(png: Buffer, center: ViewportPoint, radius: number, color: RGB, tolerance = 12): number {
  const image = decodePng(png);
  let total = 0;
  let hits = 0;
  const r = Math.max(0.5, radius);
  for (let y = Math.floor(center.y - r); y <= Math.ceil(center.y + r); y++) {
    for (let x = Math.floor(center.x - r); x <= Math.ceil(center.x + r); x++) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      if ((x + 0.5 - center.x) ** 2 + (y + 0.5 - center.y) ** 2 > r * r) continue;
      total++;
      const i = (y * image.width + x) * 4;
      if (channelDistance([image.data[i]!, image.data[i + 1]!, image.data[i + 2]!], color) <= tolerance) hits++;
    }
  }
  return total === 0 ? 0 : hits / total;
}

/** Pixels of `region` within `tolerance` (per channel) of `color`. */
export function countColor(png: Buffer, color: RGB, region: Region, tolerance = 10): number {
  const image = decodePng(png);
  let count = 0;
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(image.width, Math.ceil(region.x + region.width));
  const y1 = Math.min(image.height, Math.ceil(region.y + region.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      if (channelDistance([image.data[i]!, image.data[i + 1]!, image.data[i + 2]!], color) <= tolerance) count++;
    }
  }
  return count;
}

/** A node as drawn now: centre in viewport CSS px, radius in px, its own colour and label. */
export interface DrawnNode extends ViewportPoint {
  key: string;
  r: number;
  color: string;
  kind: string;
  label: string;
}

/** Every node sigma draws now (hidden ones left out), with its own colour (not the dimmed one). */
export function drawnNodes(page: Page): Promise<DrawnNode[]> {
  return page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg!;
    const sigma = kg.sigma as unknown as { scaleSize(size: number): number; getNodeDisplayData(n: string): { size: number } | undefined };
    const out: DrawnNode[] = [];
    kg.graph.forEachNode((key, attrs) => {
      const at = kg.nodeViewport(key);
      const data = sigma.getNodeDisplayData(key);
      if (!at || !data) return;
      out.push({
        key,
        x: at.x,
        y: at.y,
        r: sigma.scaleSize(data.size),
        color: kg.ownColor("node", key)!,
        kind: attrs.kind,
        label: attrs.label,
      });
    });
    return out;
  });
}

/** Is `p` inside `region`, at least `margin` px from its sides (and `top` px from its top)? */
export function inside(p: ViewportPoint, region: Region, margin = 0, top = margin): boolean {
  return (
    p.x >= region.x + margin && p.x <= region.x + region.width - margin && p.y >= region.y + top && p.y <= region.y + region.height - margin
  );
}

/** A rough box where sigma may write the label of `n` (to its right), widened for the hover box. */
export function labelBox(n: DrawnNode, hoverBox = false): Region {
  const width = n.label.length * 8.5 + 12;
  const half = Math.max(n.r, 10) + (hoverBox ? 6 : 2);
  const left = hoverBox ? n.x - n.r - 8 : n.x + n.r;
  return { x: left, y: n.y - half, width: n.x + n.r + width + (hoverBox ? 8 : 0) - left, height: 2 * half };
}

function boxNear(box: Region, p: ViewportPoint, margin: number): boolean {
  return p.x >= box.x - margin && p.x <= box.x + box.width + margin && p.y >= box.y - margin && p.y <= box.y + box.height + margin;
}

/**
 * Nodes that stand alone on screen: inside the graph area (below its
 * toolbar), no other node's disc within `gap` px of theirs, and not where a
 * label of one of `labelled` (or the hover box of one of `boxed`) may be
 * drawn. Largest first.
 */
export function standalone(
  nodes: readonly DrawnNode[],
  region: Region,
  options: { labelled?: Iterable<string>; boxed?: Iterable<string>; gap?: number } = {},
): DrawnNode[] {
  const gap = options.gap ?? 3;
  const labelled = new Set(options.labelled ?? []);
  const boxed = new Set(options.boxed ?? []);
  const boxes = nodes.flatMap((n) => [
    ...(labelled.has(n.key) ? [{ key: n.key, box: labelBox(n) }] : []),
    ...(boxed.has(n.key) ? [{ key: n.key, box: labelBox(n, true) }] : []),
  ]);
  return nodes
    .filter((n) => inside(n, region, n.r + 4, 70))
    .filter((n) => nodes.every((o) => o === n || Math.hypot(o.x - n.x, o.y - n.y) > o.r + n.r + gap))
    .filter((n) => boxes.every(({ key, box }) => key === n.key || !boxNear(box, n, n.r)))
    .sort((a, b) => b.r - a.r);
}

/** Radius of the disc sampled at a node's centre: well inside its border. */
export function sampleRadius(n: DrawnNode): number {
  return Math.max(1.5, Math.min(4, n.r * 0.5));
}

/**
 * A point of `region` whose surroundings (a square of `2 * half + 1` px) are
 * plain white in `png` and at least `clearance` px from every node: empty
 * background, safe to click or to park the pointer on. Top rows (the
 * toolbar) are skipped.
 */
export function blankPoint(png: Buffer | Buffer[], region: Region, nodes: readonly DrawnNode[], half = 12, clearance = 30): ViewportPoint {
  // Blank in every picture given: edges drawn differently in one state (a bundle opened) must not be under it.
  const images = (Array.isArray(png) ? png : [png]).map(decodePng);
  const white = (x: number, y: number) =>
    images.every((image) => {
      const i = (y * image.width + x) * 4;
      return image.data[i]! >= 250 && image.data[i + 1]! >= 250 && image.data[i + 2]! >= 250;
    });
  for (let y = Math.round(region.y + 80); y < region.y + region.height - half - 4; y += 8) {
    for (let x = Math.round(region.x + half + 4); x < region.x + region.width - half - 4; x += 8) {
      if (nodes.some((n) => Math.hypot(n.x - x, n.y - y) < n.r + clearance)) continue;
      let ok = true;
      for (let dy = -half; dy <= half && ok; dy += 2) for (let dx = -half; dx <= half && ok; dx += 2) ok = white(x + dx, y + dy);
      if (ok) return { x, y };
    }
  }
  throw new Error("No empty background found in the graph area");
}

/** Waits until `window.__kg.ready` (nothing moving), then for a couple of frames so the last change is drawn. */
export async function settle(page: Page, frames = 3): Promise<void> {
  await page.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, { polling: 50 });
  await nextFrames(page, frames);
}

/** The app's default view (what `DEFAULT_VIEW` is), to reset between tests. */
export const DEFAULT_VIEW = {
  selected: null,
  selectedEdge: null,
  filters: { kinds: null, families: null, relations: null, articles: null, keepIsolated: false, quote: null },
  time: { from: null, to: null },
  focus: 0,
  path: { from: null, to: null },
  camera: null,
  appearance: {
    bundle: true,
    edgeLabels: "hover",
    sizeBy: "relations",
    colorBy: "kind",
    edgeColorBy: "family",
    labelSize: 1,
    labelDensity: 1,
  },
  compare: null,
} as const;

/** Dispatches actions to the app's store, in order. */
export async function dispatch(page: Page, ...actions: { type: string; [key: string]: unknown }[]): Promise<void> {
  await page.evaluate((list) => {
    const kg = (window as unknown as KgWindow).__kg!;
    for (const action of list) kg.dispatch(action);
  }, actions);
}

/**
 * Back to the default view: layout stopped, no query in the search box, no
 * reader, nothing hovered or focused, the pointer parked on the header
 * (outside the graph); then waits until that is drawn.
 */
export async function resetView(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  // A test that failed half-way may have left the layout running or a query typed.
  if ((await state(page)).ui.layoutRunning) await page.getByRole("button", { name: "Stop layout" }).click();
  const search = page.getByRole("combobox", { name: "Search actors" });
  if ((await search.inputValue()) !== "") await search.fill("");
  await dispatch(page, { type: "closeReader" }, { type: "hover", node: null }, { type: "setView", view: DEFAULT_VIEW });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await settle(page);
}

/** A loose view of the app state, as the tests read it. */
export interface StateView {
  ui: {
    hovered: string | null;
    layoutRunning: boolean;
    reader: { article: string; quote: string } | null;
    busy: string | null;
    notices: { id: number; role: string; text: string }[];
  };
  view: {
    selected: string | null;
    selectedEdge: string | null;
    filters: {
      kinds: string[] | null;
      families: string[] | null;
      relations: string[] | null;
      articles: string[] | null;
      keepIsolated: boolean;
      quote: string | null;
    };
    time: { from: string | null; to: string | null };
    focus: number;
    path: { from: string | null; to: string | null };
    camera: { x: number; y: number; ratio: number; angle: number } | null;
  };
}

/** A plain copy of the app state (without the loaded graph). */
export function state(page: Page): Promise<StateView> {
  return page.evaluate(() => {
    const { data: _data, ...rest } = (window as unknown as KgWindow).__kg!.getState() as Record<string, unknown>;
    return JSON.parse(JSON.stringify(rest)) as StateView;
  });
}

/** The keys of the visible nodes and edges, sorted. */
export function visibleSets(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  return page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg as unknown as { visible(): { nodes: string[]; edges: string[] } };
    const { nodes, edges } = kg.visible();
    return { nodes: [...nodes].sort(), edges: [...edges].sort() };
  });
}

/** sigma's camera now. */
export function cameraState(page: Page): Promise<{ x: number; y: number; ratio: number; angle: number }> {
  return page.evaluate(() => (window as unknown as KgWindow).__kg!.sigma.getCamera().getState());
}

/** Node positions in the graph (what the layout moves). */
export function positions(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    const out: Record<string, [number, number]> = {};
    (window as unknown as KgWindow).__kg!.graph.forEachNode((key, a) => (out[key] = [a.x as number, a.y as number]));
    return out;
  });
}

/** Whitespace collapsed and trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
