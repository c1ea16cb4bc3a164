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

/**
 * The colours around the data's own, for the light and the dark page: what
 * recedes when a highlight dims the rest, the path's gold, the label ink and
 * the halo that keeps a label legible over edges.
 */
export interface Scheme {
  background: string;
  dimmedNode: string;
  dimmedEdge: string;
  path: string;
  ink: string;
  mutedInk: string;
  halo: string;
  /** Behind the label of the hovered or selected actor. */
  pill: string;
  pillLine: string;
}

export const SCHEMES: Readonly<Record<"light" | "dark", Scheme>> = {
  light: {
    background: "#ffffff",
    dimmedNode: "#e3e5e8",
    dimmedEdge: "#eef0f2",
    path: "#f2b600",
    ink: "#1f2933",
    mutedInk: "#3e4c59",
    halo: "#ffffff",
    pill: "#ffffff",
    pillLine: "#9aa5b1",
  },
  dark: {
    background: "#15191e",
    dimmedNode: "#30363d",
    dimmedEdge: "#262b31",
    path: "#f5c431",
    ink: "#e4e7eb",
    mutedInk: "#c1c7cd",
    halo: "#15191e",
    pill: "#1f252c",
    pillLine: "#616e7c",
  },
};

export const DIMMED_NODE_COLOR = SCHEMES.light.dimmedNode;
export const DIMMED_EDGE_COLOR = SCHEMES.light.dimmedEdge;
export const PATH_COLOR = SCHEMES.light.path;

const hex = (c: string): [number, number, number] | null => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
};

/** `color` moved `amount` of the way towards `toward` (both #rrggbb); other colours are returned as they are. */
export function fade(color: string, toward: string = SCHEMES.light.background, amount = 0.55): string {
  const a = hex(color);
  const b = hex(toward);
  if (!a || !b) return color;
  return `#${a
    .map((v, i) =>
      Math.round(v + (b[i]! - v) * amount)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

export function kindColor(kind: string): string {
  return KIND_COLORS.get(kind) ?? OTHER_KIND_COLOR;
}

export function familyColor(family: string): string {
  return FAMILY_COLOR_MAP.get(family) ?? FAMILY_COLORS.neutral;
}

/**
 * Colours for groups that have no colour of their own (communities, articles,
 * relations), in order: the first group gets the first colour. Twelve that
 * stay apart on white and on the dark page; groups beyond them share
 * OTHER_GROUP_COLOR.
 */
export const GROUP_COLORS: readonly string[] = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#b07aa1",
  "#76b7b2",
  "#edc948",
  "#ff9da7",
  "#9c755f",
  "#1f9e89",
  "#d37295",
  "#6b6ecf",
];
export const OTHER_GROUP_COLOR = "#a0a4a8";

/** The colour of the group at `index` in its order, or the shared one beyond the palette. */
export function groupColor(index: number): string {
  return GROUP_COLORS[index] ?? OTHER_GROUP_COLOR;
}
