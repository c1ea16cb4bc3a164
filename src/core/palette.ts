/** Colours of kinds and families, shared by the renderer, the legend and the exports. */
import type { Family } from "../model/graph-file";

export const KIND_COLORS: Record<string, string> = {
  country: "#3b6fb6",
  person: "#e07b39",
  organization: "#3f9a6b",
  grouping: "#8e5ac8",
  territory: "#b8862b",
  place: "#6f8f9e",
  event: "#d4488e",
  document: "#7a6f5a",
};
export const OTHER_KIND_COLOR = "#8a8a8a";

export const FAMILY_COLORS: Record<Family, string> = {
  cooperation: "#2e9e5b",
  conflict: "#d1343b",
  neutral: "#9aa3ad",
};

export const DIMMED_NODE_COLOR = "#e3e5e8";
export const DIMMED_EDGE_COLOR = "#eef0f2";
export const PATH_COLOR = "#f2b600";

// Kinds and families come from data ("constructor" is a kind a file may have): own keys only.
export function kindColor(kind: string): string {
  return Object.hasOwn(KIND_COLORS, kind) ? KIND_COLORS[kind]! : OTHER_KIND_COLOR;
}

export function familyColor(family: string): string {
  return Object.hasOwn(FAMILY_COLORS, family) ? FAMILY_COLORS[family as Family] : FAMILY_COLORS.neutral;
}
