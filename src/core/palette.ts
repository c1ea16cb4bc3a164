/**
 * Colours of kinds and families, shared by the renderer, the legend and the
 * exports. Kinds and families come from data, so they are looked up in Maps:
 * a kind named "constructor" is just an unknown kind.
 */
import { FAMILIES, type Family } from "../model/graph-file";

export const KIND_COLORS: ReadonlyMap<string, string> = new Map([
  ["country", "#3b6fb6"],
  ["person", "#e07b39"],
  ["organization", "#3f9a6b"],
  ["grouping", "#8e5ac8"],
  ["territory", "#b8862b"],
  ["place", "#6f8f9e"],
  ["event", "#d4488e"],
  ["document", "#7a6f5a"],
]);
export const OTHER_KIND_COLOR = "#8a8a8a";

export const FAMILY_COLORS: Readonly<Record<Family, string>> = {
  cooperation: "#2e9e5b",
  conflict: "#d1343b",
  neutral: "#9aa3ad",
};
const FAMILY_COLOR_MAP: ReadonlyMap<string, string> = new Map(FAMILIES.map((f) => [f, FAMILY_COLORS[f]]));

export const DIMMED_NODE_COLOR = "#e3e5e8";
export const DIMMED_EDGE_COLOR = "#eef0f2";
export const PATH_COLOR = "#f2b600";

export function kindColor(kind: string): string {
  return KIND_COLORS.get(kind) ?? OTHER_KIND_COLOR;
}

export function familyColor(family: string): string {
  return FAMILY_COLOR_MAP.get(family) ?? FAMILY_COLORS.neutral;
}
