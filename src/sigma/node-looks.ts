/**
 * The appearance as the renderer draws it (the looks are computed in
 * src/core/appearance.ts, memoised in src/state/looks.ts): the decoration
 * with the relations recoloured, the label style with its size and density,
 * and the legend's options, for the screen and the pictures alike.
 */
import type { Looks } from "../core/appearance";
import type { LegendOptions } from "../core/legend";
import type { Appearance } from "../model/view-state";
import { nodeColor, type Decoration, type EdgeLook } from "./decorate";
import type { LabelStyle } from "./labels";

const recolouredCache = new WeakMap<Decoration, { colors: ReadonlyMap<string, string>; decoration: Decoration }>();

/** The decoration with each relation in the colour the appearance gives it; the same object while neither changes. */
export function recoloured(decoration: Decoration, edgeColors: ReadonlyMap<string, string> | null): Decoration {
  if (!edgeColors) return decoration;
  const known = recolouredCache.get(decoration);
  if (known?.colors === edgeColors) return known.decoration;
  const edges = new Map<string, EdgeLook>();
  for (const [edge, look] of decoration.edges) {
    const color = edgeColors.get(edge);
    edges.set(edge, color ? { ...look, color } : look);
  }
  const out = { edges };
  recolouredCache.set(decoration, { colors: edgeColors, decoration: out });
  return out;
}

/** The label layer's style (LABEL_STYLE in a scheme) under the appearance: sizes scaled, and the share of actors at rest that may be labelled. */
export function labelStyleFor(appearance: Pick<Appearance, "labelSize" | "labelDensity">, style: LabelStyle): LabelStyle {
  const scale = appearance.labelSize ?? 1;
  return {
    ...style,
    nodeSize: Math.round(style.nodeSize * scale),
    edgeSize: Math.round(style.edgeSize * scale),
    density: appearance.labelDensity ?? 1,
  };
}

/** What the legend needs to say what the colours and sizes mean under the appearance. */
export function legendOptionsFor(
  looks: Looks,
  decoration: Decoration,
  sizes: LegendOptions["sizes"],
  fallbackEdgeColor: (attrs: Record<string, unknown>) => string,
): LegendOptions {
  const drawn = recoloured(decoration, looks.edgeColors);
  return {
    nodeColor: (attrs, node) => looks.nodeColors?.get(node) ?? nodeColor(attrs as Parameters<typeof nodeColor>[0]),
    edgeColor: (edge, attrs) => drawn.edges.get(edge)?.color ?? fallbackEdgeColor(attrs),
    sizes,
    nodeGroups: looks.nodeGroups,
    edgeGroups: looks.edgeGroups,
    sizeLabel: looks.sizeLabel && `${looks.sizeLabel}${looks.waiting ? " (computing…)" : ""}`,
  };
}
