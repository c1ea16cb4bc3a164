/**
 * How a comparison of two periods marks what is drawn, on one layout:
 *
 * - a relation only in period A is faded and thinner (it is gone in B);
 * - a relation only in period B is drawn thicker, in its own colour (it is new);
 * - a relation in both is drawn as usual;
 * - an actor only in A is faded; an actor only in B keeps its colour and gets a ring.
 *
 * Dashes would say "gone" more plainly, but sigma's edge programs draw solid
 * quads and a dash pattern needs a length along the edge that they do not
 * carry, so "gone" is thinner and faded instead. The marks are applied over
 * what the reducers decided (the highlight's dimming, a path), in both modes:
 * on screen the programs still dim what a highlight leaves unlit; pictures get
 * explicit colours. Actors' rings are drawn by the label layer (labels.ts).
 */
import type { PeriodComparison, PeriodMark } from "../core/compare";
import { fade, type Scheme } from "../core/palette";

/** Width factors of a relation by its mark. */
export const COMPARE_WIDTH: Readonly<Record<PeriodMark, number>> = { "only-a": 0.55, "only-b": 1.7, both: 1 };

/** How far a faded item moves towards the background. */
const FADE = 0.62;

interface Display {
  color?: string;
  size?: number;
  zIndex?: number;
  hidden?: boolean;
  highlighted?: boolean;
}

/** `color` faded towards the background; a colour fade cannot mix (a file's rgba()) recedes to `otherwise`. */
function faded(color: string | undefined, scheme: Scheme, otherwise: string): string | undefined {
  if (color === undefined) return color;
  const out = fade(color, scheme.background, FADE);
  return out === color ? otherwise : out;
}

/** A relation's display with its period's mark. */
export function compareEdgeLook<D extends Display>(edge: string, display: D, comparison: PeriodComparison, scheme: Scheme): D {
  const mark = comparison.edges.get(edge);
  if (display.hidden || !mark || mark === "both") return display;
  const size = (display.size ?? 1) * COMPARE_WIDTH[mark];
  if (mark === "only-b") return { ...display, size, zIndex: (display.zIndex ?? 1) + 1 };
  return {
    ...display,
    size,
    color: display.color && fade(display.color, scheme.background, FADE),
    zIndex: Math.min(display.zIndex ?? 1, 1),
  };
}

/**
 * An actor's display with its period's mark. In a picture (`explicit`),
 * an actor new in B is also `highlighted`, which the SVG writer rings.
 */
export function compareNodeLook<D extends Display>(
  node: string,
  display: D,
  comparison: PeriodComparison,
  scheme: Scheme,
  explicit: boolean,
): D {
  const mark = comparison.nodes.get(node);
  if (display.hidden || !mark || mark === "both") return display;
  // A picture's actor dimmed by a highlight is not ringed, as on screen.
  if (mark === "only-b") return explicit && display.color !== scheme.dimmedNode ? { ...display, highlighted: true } : display;
  return { ...display, color: faded(display.color, scheme, scheme.dimmedNode) };
}

/** The actors the label layer rings: those that appear in period B. */
export function ringedByComparison(comparison: PeriodComparison | null, shown: ReadonlySet<string>): string[] {
  if (!comparison) return [];
  const out: string[] = [];
  for (const [node, mark] of comparison.nodes) if (mark === "only-b" && shown.has(node)) out.push(node);
  return out;
}
