/** The actor registry of a synthetic corpus: kinds in news-like shares, clusters of uneven size, heavy-tailed weights, names, roles and affiliations. */
import type { ActorKind } from "../../src/model/graph-file";
import { FIRST_YEAR, LAST_YEAR } from "./dates";
import {
  COUNTRY_SUFFIXES,
  DOCUMENT_NAMES,
  EVENT_NAMES,
  GROUPING_SUFFIXES,
  NameRegistry,
  ORG_SUFFIXES,
  PLACE_SUFFIXES,
  ROLES,
  TERRITORY_SUFFIXES,
} from "./names";
import { WeightedPicker, type Rng } from "./random";

const KIND_SHARES: [ActorKind, number][] = [
  ["country", 12],
  ["person", 38],
  ["organization", 20],
  ["grouping", 5],
  ["territory", 6],
  ["place", 10],
  ["event", 6],
  ["document", 3],
];

export interface Actor {
  index: number;
  id: string;
  label: string;
  kind: ActorKind;
  aliases: string[];
  description: string;
  role?: string;
  affiliation?: number;
  cluster: number;
  weight: number;
}

export function makeActors(rng: Rng, count: number, clusters: number): Actor[] {
  const names = new NameRegistry(rng);
  const kindPicker = new WeightedPicker(KIND_SHARES, ([, w]) => w);
  // Cluster sizes are uneven: Zipf-like weights; every cluster gets at least two actors.
  const clusterPicker = new WeightedPicker(
    Array.from({ length: clusters }, (_, i) => i),
    (i) => 1 / Math.pow(i + 1, 0.7),
  );
  // Heavy-tailed weights: the top ~2 % become the states and organisations everyone talks about.
  const weights = Array.from({ length: count }, () => rng.pareto(1.3));
  const sorted = [...weights].sort((a, b) => b - a);
  const hubThreshold = sorted[Math.max(0, Math.floor(count * 0.02) - 1)]!;

  const actors: Actor[] = [];
  for (let i = 0; i < count; i++) {
    const weight = weights[i]!;
    const kind: ActorKind =
      weight >= hubThreshold ? rng.pick<ActorKind>(["country", "country", "organization", "grouping"]) : kindPicker.pick(rng)[0];
    const cluster = i < clusters * 2 ? i % clusters : clusterPicker.pick(rng);
    const aliases: string[] = [];
    let made: { label: string; id: string };
    let description: string;
    switch (kind) {
      case "country": {
        const root = names.root();
        made = names.label(() => root.replace(/[aeiou]$/, "") + rng.pick(COUNTRY_SUFFIXES));
        const capital = names.root(2, 2);
        if (rng.chance(0.5) && names.alias(capital)) aliases.push(capital);
        description = `A state in the ${clusterName(cluster)} region.`;
        break;
      }
      case "person": {
        const last = names.root(2, 3);
        made = names.label(() => `${names.root(1, 2)} ${last}`);
        if (rng.chance(0.3) && names.alias(last)) aliases.push(last);
        description = `A public figure in the ${clusterName(cluster)} region.`;
        break;
      }
      case "organization": {
        made = names.label(() => `${names.root()} ${rng.pick(ORG_SUFFIXES)}`);
        const acronym =
          made.label
            .split(" ")
            .map((w) => w[0])
            .join("") + rng.pick(["A", "C", "O", "U"]);
        if (rng.chance(0.3) && names.alias(acronym)) aliases.push(acronym);
        description = `An organisation active in the ${clusterName(cluster)} region.`;
        break;
      }
      case "grouping":
        made = names.label(() => `${names.root()} ${rng.pick(GROUPING_SUFFIXES)}`);
        description = "A grouping of states.";
        break;
      case "territory":
        made = names.label(() => `${names.root()} ${rng.pick(TERRITORY_SUFFIXES)}`);
        description = "A contested territory.";
        break;
      case "place":
        made = names.label(() => names.root(1, 2) + rng.pick(PLACE_SUFFIXES));
        description = "A city.";
        break;
      case "event":
        made = names.label(() => `${names.root()} ${rng.pick(EVENT_NAMES)} ${rng.int(FIRST_YEAR, LAST_YEAR)}`);
        description = "An event covered by several articles.";
        break;
      default:
        made = names.label(() => `${names.root()} ${rng.pick(DOCUMENT_NAMES)}`);
        description = "A signed document.";
    }
    actors.push({ index: i, ...made, kind, aliases, description, cluster, weight });
  }

  // Persons: a role and, mostly, an affiliation with a state or organisation of their cluster.
  const statesByCluster = new Map<number, Actor[]>();
  for (const a of actors) {
    if (a.kind === "country" || a.kind === "organization") {
      const list = statesByCluster.get(a.cluster) ?? [];
      list.push(a);
      statesByCluster.set(a.cluster, list);
    }
  }
  for (const a of actors) {
    if (a.kind !== "person") continue;
    a.role = rng.pick(ROLES);
    const candidates = statesByCluster.get(a.cluster);
    if (candidates && rng.chance(0.85)) a.affiliation = rng.pick(candidates).index;
  }
  return actors;
}

export function clusterName(cluster: number): string {
  return `${["North", "South", "East", "West", "Central", "Upper", "Lower", "Outer"][cluster % 8]} ${cluster + 1}`;
}
