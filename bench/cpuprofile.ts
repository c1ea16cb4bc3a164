/**
 * Summarises a V8 CPU profile (from `node --cpu-prof`): where the time goes,
 * by function (self and inclusive time) and by file or package.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx graph/build/cli.ts --corpus DIR --out /tmp/g.json
 *   npx tsx bench/cpuprofile.ts /tmp/prof/CPU.*.cpuprofile [--top 25]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  const project = /\/(graph|src|bench|tests)\/(.*)$/.exec(path);
  if (project) return `${project[1]}/${project[2]}`;
  return path || "(native)";
}

function group(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return pkg[1]!;
  return shortUrl(url);
}

export function summarize(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"}  ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  // timeDeltas[i + 1] is the time spent in samples[i].
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    const leaf = byId.get(id)!;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
    files.set(group(leaf.callFrame.url), (files.get(group(leaf.callFrame.url)) ?? 0) + dt);
    const onStack = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = key(n);
      if (onStack.has(k)) continue;
      onStack.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  return [
    `Profile: ${(total / 1000).toFixed(2)} s sampled`,
    "",
    "Self time by package / file:",
    rows(files),
    "",
    "Self time by function:",
    rows(self),
    "",
    "Inclusive time by function:",
    rows(inclusive),
  ].join("\n");
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("cpuprofile.ts");
if (isMain) {
  const { values, positionals } = parseArgs({ options: { top: { type: "string", default: "25" } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error("usage: tsx bench/cpuprofile.ts FILE.cpuprofile [--top N]");
    process.exitCode = 2;
  } else {
    for (const file of positionals) {
      console.log(`== ${file}`);
      console.log(summarize(JSON.parse(readFileSync(file, "utf8")) as Profile, Number(values.top)));
    }
  }
}
