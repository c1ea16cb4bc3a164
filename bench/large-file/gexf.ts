/**
 * A large GEXF 1.3 file for the large-file benchmark: `nodes` actors with
 * labels and a `kind`, in clusters of about 200 that mostly relate inside
 * their cluster (a hub per cluster collects a share), about 1.5 relations per
 * actor, undirected, no parallel edges. With `positions`, every actor has a
 * `viz:position` (clusters on a spiral, members in a disc around their
 * cluster's centre); without, the app has to lay it out. Same options, same
 * bytes.
 */
import { Rng } from "../generate/random";

export interface LargeGexfOptions {
  nodes: number;
  /** Relations per actor, on average (default 1.5). */
  edgesPerNode?: number;
  positions: boolean;
  seed: number;
}

export interface LargeGexf {
  text: string;
  nodes: number;
  edges: number;
}

const KINDS = ["person", "group", "country", "party", "agency"] as const;
const CLUSTER_SIZE = 200;
/** Relations that leave their cluster. */
const OUTSIDE = 0.12;
/** Relations inside a cluster that go to its hub. */
const TO_HUB = 0.25;

export function largeGexf({ nodes, edgesPerNode = 1.5, positions, seed }: LargeGexfOptions): LargeGexf {
  if (!Number.isInteger(nodes) || nodes < 2) throw new Error(`nodes must be an integer of at least 2, not ${nodes}`);
  const rng = new Rng(seed);
  const clusters = Math.max(1, Math.round(nodes / CLUSTER_SIZE));
  const clusterOf = (i: number) => i % clusters;
  // Members of cluster c: c, c + clusters, c + 2·clusters, …; the first is its hub.
  const members = (c: number) => Math.floor((nodes - 1 - c) / clusters) + 1;
  const member = (c: number, k: number) => c + k * clusters;

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta><creator>kg-explorer bench (bench/large-file/gexf.ts)</creator><description>${nodes} synthetic actors, seed ${seed}</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node" mode="static"><attribute id="kind" title="kind" type="string"/></attributes>',
    "    <nodes>",
  ];
  const spread = Math.sqrt(CLUSTER_SIZE) * 4;
  for (let i = 0; i < nodes; i++) {
    const kind = KINDS[Math.floor(rng.float() * KINDS.length)]!;
    let viz = "";
    if (positions) {
      // Cluster centres on a sunflower spiral, members in a disc: clusters apart, every actor placed.
      const c = clusterOf(i);
      const r = Math.sqrt(c + 0.5) * spread * 3;
      const a = c * 2.399963;
      const d = Math.sqrt(rng.float()) * spread;
      const b = rng.float() * 2 * Math.PI;
      const x = r * Math.cos(a) + d * Math.cos(b);
      const y = r * Math.sin(a) + d * Math.sin(b);
      viz = `<viz:position x="${Math.round(x)}" y="${Math.round(y)}"/>`;
    }
    // One element a line, not indented: the file stays well under the app's 50 MB limit.
    lines.push(`<node id="n${i}" label="Actor ${i}"><attvalues><attvalue for="kind" value="${kind}"/></attvalues>${viz}</node>`);
  }
  lines.push("    </nodes>", "    <edges>");

  const target = Math.round(nodes * edgesPerNode);
  const seen = new Set<number>();
  let edges = 0;
  for (let guard = 0; edges < target && guard < target * 20; guard++) {
    const s = rng.int(0, nodes - 1);
    let t: number;
    if (rng.chance(OUTSIDE)) t = rng.int(0, nodes - 1);
    else {
      const c = clusterOf(s);
      t = rng.chance(TO_HUB) ? c : member(c, rng.int(0, members(c) - 1));
    }
    if (s === t) continue;
    const [lo, hi] = s < t ? [s, t] : [t, s];
    const key = lo * nodes + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`<edge id="e${edges}" source="n${s}" target="n${t}"/>`);
    edges++;
  }
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return { text: lines.join("\n"), nodes, edges };
}
