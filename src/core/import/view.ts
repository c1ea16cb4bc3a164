/**
 * A saved ViewState read back leniently: each member that is missing or
 * malformed falls back to its default with a note, and references to actors
 * or relations the graph does not have are cleared. A snapshot whose view is
 * damaged still opens; its graph is the valuable part.
 */
import "../../model/zod-config";
import { z } from "zod";
import { isPartialDate } from "../../model/dates";
import { FAMILIES } from "../../model/graph-file";
import { DEFAULT_FILTERS, DEFAULT_VIEW, type Filters, type ViewState } from "../../model/view-state";

export interface ViewTargets {
  hasNode(key: string): boolean;
  hasEdge(key: string): boolean;
}

const key = z.string().min(1).nullable();
const list = z.array(z.string()).nullable();
const date = z.string().refine(isPartialDate).nullable();
const finite = z.number().finite();

const FILTER_SCHEMAS: { [K in keyof Filters]: z.ZodType<Filters[K]> } = {
  kinds: list,
  families: z.array(z.enum(FAMILIES)).nullable(),
  relations: list,
  articles: list,
  keepIsolated: z.boolean(),
};

const VIEW_SCHEMAS = {
  selected: key,
  selectedEdge: key,
  time: z.object({ from: date, to: date }),
  focus: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  path: z.object({ from: key, to: key }),
  camera: z.object({ x: finite, y: finite, ratio: finite.positive(), angle: finite }).nullable(),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function readView(value: unknown, targets: ViewTargets, notes: string[]): ViewState {
  if (!isObject(value)) {
    notes.push("The snapshot has no readable view; the default view is used.");
    return DEFAULT_VIEW;
  }
  const reset: string[] = [];
  function member<T>(source: Record<string, unknown>, name: string, schema: z.ZodType<T>, fallback: T, label = name): T {
    if (!(name in source)) return fallback;
    const parsed = schema.safeParse(source[name]);
    if (parsed.success) return parsed.data;
    reset.push(label);
    return fallback;
  }

  const rawFilters = isObject(value.filters) ? value.filters : {};
  if ("filters" in value && !isObject(value.filters)) reset.push("filters");
  const filters = {} as Record<keyof Filters, unknown>;
  for (const name of Object.keys(FILTER_SCHEMAS) as (keyof Filters)[]) {
    filters[name] = member(rawFilters, name, FILTER_SCHEMAS[name] as z.ZodType<unknown>, DEFAULT_FILTERS[name], `filters.${name}`);
  }

  const view: ViewState = {
    selected: member(value, "selected", VIEW_SCHEMAS.selected, DEFAULT_VIEW.selected),
    selectedEdge: member(value, "selectedEdge", VIEW_SCHEMAS.selectedEdge, DEFAULT_VIEW.selectedEdge),
    filters: filters as unknown as Filters,
    time: member(value, "time", VIEW_SCHEMAS.time, DEFAULT_VIEW.time),
    focus: member(value, "focus", VIEW_SCHEMAS.focus, DEFAULT_VIEW.focus),
    path: member(value, "path", VIEW_SCHEMAS.path, DEFAULT_VIEW.path),
    camera: member(value, "camera", VIEW_SCHEMAS.camera, DEFAULT_VIEW.camera),
  };
  if (reset.length > 0)
    notes.push(`The saved view had unreadable ${reset.join(", ")}; ${reset.length === 1 ? "it was" : "they were"} reset.`);

  const missing: string[] = [];
  if (view.selected !== null && !targets.hasNode(view.selected)) {
    missing.push("selected actor");
    view.selected = null;
  }
  if (view.selectedEdge !== null && !targets.hasEdge(view.selectedEdge)) {
    missing.push("selected relation");
    view.selectedEdge = null;
  }
  for (const end of ["from", "to"] as const) {
    const node = view.path[end];
    if (node !== null && !targets.hasNode(node)) {
      missing.push(`path ${end === "from" ? "start" : "end"}`);
      view.path = { ...view.path, [end]: null };
    }
  }
  if (missing.length > 0)
    notes.push(
      `The saved view's ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the graph and ${missing.length === 1 ? "was" : "were"} cleared.`,
    );
  return view;
}
