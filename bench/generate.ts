/**
 * Synthetic corpora for the benchmark, in the real corpus format (see
 * graph/README.md): articles with generated bodies, an actor registry with
 * kinds and aliases, a relation vocabulary, and triples whose quotes are
 * sentences (or the tail of a sentence) of their article's body.
 *
 * The shape imitates a curated news corpus: actors fall into clusters and
 * mostly relate inside their cluster; a few hubs (heavy-tailed actor weights
 * plus a global hub list) collect most relations; facts are restated by later
 * articles (one edge, several evidence entries); some pairs are linked by
 * several relations (parallel edges); dates spread over 2000–2024 at mixed
 * precision. Everything follows from the seed: same seed, same bytes.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import type { ActorKind, Family } from "../src/model/graph-file";
import { seededRandom } from "../graph/build/random";
import { slugify } from "../src/model/text";

export interface GenerateOptions {
  /** Number of triples to write (exact). */
  triples: number;
  seed: number;
}

export interface GeneratedCorpus {
  triples: number;
  actors: number;
  articles: number;
  relations: number;
  clusters: number;
}

/** Triples per actor and per article, on average. */
export const TRIPLES_PER_ACTOR = 10;
export const TRIPLES_PER_ARTICLE = 20;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2024;

// ---------------------------------------------------------------------------
// Randomness

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  hex(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  /** Pareto-distributed weight ≥ 1: most near 1, a few very large. */
  pareto(alpha: number): number {
    return Math.pow(1 - this.next(), -1 / alpha);
  }
}

/** Weighted choice over a fixed list, by binary search in cumulative weights. */
class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) this.cumulative.push((sum += weight(item)));
  }
  get size(): number {
    return this.items.length;
  }
  pick(rng: Rng): T {
    const total = this.cumulative[this.cumulative.length - 1]!;
    const r = rng.float() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------
// Vocabulary

const AGENTS: ActorKind[] = ["country", "person", "organization", "grouping"];
const STATES: ActorKind[] = ["country", "organization", "grouping"];
const ANY: ActorKind[] = ["country", "person", "organization", "grouping", "territory", "place", "event", "document"];

interface RelationSpec {
  id: string;
  label: string;
  family: Family;
  directed: boolean;
  weight: number;
  subjects: ActorKind[];
  objects: ActorKind[];
  /** Sentence templates: {S} subject, {O} object, {W} when ("on 4 March 2015"). */
  templates: string[];
}

export const RELATIONS: RelationSpec[] = [
  {
    id: "meets",
    label: "meets",
    family: "cooperation",
    directed: false,
    weight: 10,
    subjects: AGENTS,
    objects: AGENTS,
    templates: ["{S} met {O} {W}.", "{S} held talks with {O} {W}.", "{S} and {O} met {W} to discuss trade and security."],
  },
  {
    id: "cooperates-with",
    label: "cooperates with",
    family: "cooperation",
    directed: false,
    weight: 6,
    subjects: AGENTS,
    objects: AGENTS,
    templates: ["{S} agreed to work closely with {O} {W}.", "{S} and {O} expanded their cooperation {W}."],
  },
  {
    id: "signs-agreement-with",
    label: "signs an agreement with",
    family: "cooperation",
    directed: false,
    weight: 4,
    subjects: STATES,
    objects: STATES,
    templates: ["{S} signed an agreement with {O} {W}.", "{S} and {O} concluded a framework agreement {W}."],
  },
  {
    id: "supports",
    label: "supports",
    family: "cooperation",
    directed: true,
    weight: 6,
    subjects: AGENTS,
    objects: ANY,
    templates: ["{S} voiced its support for {O} {W}.", "{S} backed {O} {W}, officials said."],
  },
  {
    id: "provides-aid-to",
    label: "provides aid to",
    family: "cooperation",
    directed: true,
    weight: 2,
    subjects: STATES,
    objects: ["country", "territory", "organization"],
    templates: ["{S} pledged new aid to {O} {W}.", "{S} sent humanitarian assistance to {O} {W}."],
  },
  {
    id: "trades-with",
    label: "trades with",
    family: "cooperation",
    directed: false,
    weight: 3,
    subjects: STATES,
    objects: STATES,
    templates: ["Trade between {S} and {O} grew sharply {W}.", "{S} and {O} agreed to lift tariffs on each other's goods {W}."],
  },
  {
    id: "invests-in",
    label: "invests in",
    family: "cooperation",
    directed: true,
    weight: 2,
    subjects: STATES,
    objects: ["country", "territory", "organization", "place"],
    templates: ["{S} announced large investments in {O} {W}.", "{S} financed a port and a railway in {O} {W}."],
  },
  {
    id: "sanctions",
    label: "imposes sanctions on",
    family: "conflict",
    directed: true,
    weight: 4,
    subjects: STATES,
    objects: AGENTS,
    templates: ["{S} imposed sanctions on {O} {W}.", "{S} extended its sanctions against {O} {W}."],
  },
  {
    id: "criticizes",
    label: "criticizes",
    family: "conflict",
    directed: true,
    weight: 8,
    subjects: AGENTS,
    objects: ANY,
    templates: [
      "{S} sharply criticized {O} {W}.",
      "{S} called the conduct of {O} \u201cunacceptable\u201d {W}.",
      "{S} condemned {O} {W} \u2013 in unusually strong terms.",
    ],
  },
  {
    id: "accuses",
    label: "accuses",
    family: "conflict",
    directed: true,
    weight: 4,
    subjects: AGENTS,
    objects: AGENTS,
    templates: ["{S} accused {O} of violating the ceasefire {W}.", "{S} accused {O} of interfering in its internal affairs {W}."],
  },
  {
    id: "threatens",
    label: "threatens",
    family: "conflict",
    directed: true,
    weight: 3,
    subjects: AGENTS,
    objects: AGENTS,
    templates: ["{S} threatened {O} with retaliation {W}.", "{S} warned {O} of \u201cserious consequences\u201d {W}."],
  },
  {
    id: "attacks",
    label: "attacks",
    family: "conflict",
    directed: true,
    weight: 1.5,
    subjects: ["country", "organization", "grouping"],
    objects: ANY,
    templates: ["Forces of {S} attacked {O} {W}.", "{S} launched strikes against {O} {W}."],
  },
  {
    id: "expels-diplomats-of",
    label: "expels diplomats of",
    family: "conflict",
    directed: true,
    weight: 1,
    subjects: ["country"],
    objects: ["country"],
    templates: ["{S} expelled several diplomats of {O} {W}.", "{S} ordered diplomats of {O} to leave the country {W}."],
  },
  {
    id: "disputes-with",
    label: "is in a dispute with",
    family: "conflict",
    directed: false,
    weight: 2,
    subjects: STATES,
    objects: STATES,
    templates: ["{S} and {O} remained locked in a dispute over the border {W}.", "The dispute between {S} and {O} flared up again {W}."],
  },
  {
    id: "visits",
    label: "visits",
    family: "neutral",
    directed: true,
    weight: 5,
    subjects: ["person", "organization"],
    objects: ["country", "territory", "place", "organization"],
    templates: ["{S} visited {O} {W}.", "{S} arrived in {O} {W} for a two-day visit."],
  },
  {
    id: "negotiates-with",
    label: "negotiates with",
    family: "neutral",
    directed: false,
    weight: 5,
    subjects: AGENTS,
    objects: AGENTS,
    templates: ["{S} opened negotiations with {O} {W}.", "Talks between {S} and {O} resumed {W}."],
  },
  {
    id: "comments-on",
    label: "comments on",
    family: "neutral",
    directed: true,
    weight: 4,
    subjects: AGENTS,
    objects: ANY,
    templates: ["{S} commented on {O} {W}.", "{S} issued a statement on {O} {W}."],
  },
  {
    id: "minister-of",
    label: "is a minister of",
    family: "neutral",
    directed: true,
    weight: 2,
    subjects: ["person"],
    objects: ["country", "organization"],
    templates: ["{S} served as a minister of {O} {W}.", "{S}, a minister of {O}, spoke to reporters {W}."],
  },
  {
    id: "member-of",
    label: "is a member of",
    family: "neutral",
    directed: true,
    weight: 3,
    subjects: ["country", "organization", "person"],
    objects: ["grouping", "organization"],
    templates: ["{S} is a member of {O}, as confirmed {W}.", "{S} joined {O} {W}."],
  },
  {
    id: "located-in",
    label: "is located in",
    family: "neutral",
    directed: true,
    weight: 2,
    subjects: ["place", "territory", "organization", "event"],
    objects: ["country", "territory"],
    templates: ["{S} lies in {O}, as reported {W}.", "{S}, in {O}, was in the news {W}."],
  },
];

const MINISTER_OF = RELATIONS.find((r) => r.id === "minister-of")!;

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

const SYLLABLES = [
  "ka",
  "ro",
  "vin",
  "tal",
  "mer",
  "do",
  "sa",
  "len",
  "bar",
  "ti",
  "nor",
  "vel",
  "ash",
  "qua",
  "ri",
  "mon",
  "zel",
  "pa",
  "gor",
  "un",
  "es",
  "lor",
  "fen",
  "da",
  "tor",
  "mi",
  "shan",
  "bel",
  "ol",
  "va",
  "re",
  "kun",
];
const COUNTRY_SUFFIXES = ["ia", "stan", "land", "ar", "ova", "ea", "is"];
const ORG_SUFFIXES = ["Council", "Institute", "Bank", "Agency", "Corporation", "Front", "Union", "Foundation", "Party", "Commission"];
const GROUPING_SUFFIXES = ["Group", "Forum", "Alliance", "Pact", "Partnership"];
const TERRITORY_SUFFIXES = ["Province", "Region", "Strait", "Islands", "Valley"];
const PLACE_SUFFIXES = ["burg", "grad", "ville", "polis", "abad", "port"];
const EVENT_NAMES = ["Summit", "Crisis", "Talks", "Conference", "War", "Accords Review"];
const DOCUMENT_NAMES = ["Accord", "Treaty", "Declaration", "Protocol", "Charter"];
const ROLES = [
  "Foreign Minister",
  "President",
  "Prime Minister",
  "Defence Minister",
  "Ambassador",
  "Spokesperson",
  "Secretary-General",
  "Chief Executive",
  "Finance Minister",
];
const PUBLISHERS = [
  "Asia Times",
  "The Continental Review",
  "Global Wire",
  "Northern Herald",
  "Daily Ledger",
  "Policy Monitor",
  "Eastern Observer",
  "World Affairs Weekly",
  "The Atlantic Post",
  "Meridian News",
  "Frontier Journal",
  "Capital Gazette",
];
const FRAMES = [
  "According to officials, ",
  "Reports said that ",
  "On the same day, ",
  "Meanwhile, ",
  "As expected, ",
  "In a surprise move, ",
];
const FILLERS = [
  "Analysts expect further talks in the coming months.",
  "The details of the arrangement were not made public.",
  "Observers said the move had been long in preparation.",
  "Markets reacted calmly to the news.",
  "Critics called the step \u201ctoo little, too late\u201d.",
  "The announcement came after weeks of speculation.",
  "It is unclear how the other side will respond.",
  "Officials declined to comment on the record.",
  "The situation remains tense \u2013 and fluid.",
  "Several questions remain open.",
];
const ACTOR_FILLERS = [
  "{A} did not comment on the report.",
  "A spokesperson for {A} said more information would follow.",
  "{A} has long been a central player in the region.",
  "Few expected {A} to change course.",
];
const REVIEW_REASONS = [
  "background, no relation between named actors",
  "a forecast by the author, no relation between named actors",
  "a statement about one actor only",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// ---------------------------------------------------------------------------
// Dates: a day number (days since 1970-01-01, UTC) and a precision.

type Precision = "year" | "month" | "day";
interface PDate {
  day: number;
  precision: Precision;
}
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(LAST_YEAR, 11, 31) / DAY_MS;

function dateText({ day, precision }: PDate): string {
  const iso = new Date(day * DAY_MS).toISOString();
  return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
}

function whenText({ day, precision }: PDate): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = MONTHS[d.getUTCMonth()]!;
  return precision === "year" ? `in ${y}` : precision === "month" ? `in ${m} ${y}` : `on ${d.getUTCDate()} ${m} ${y}`;
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };
function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

// ---------------------------------------------------------------------------
// Actors

interface Actor {
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

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

class NameRegistry {
  private readonly names = new Set<string>();
  private readonly ids = new Set<string>();
  constructor(private readonly rng: Rng) {}

  root(min = 2, max = 3): string {
    let s = "";
    for (let i = this.rng.int(min, max); i > 0; i--) s += this.rng.pick(SYLLABLES);
    return capitalize(s);
  }
  /** A label not yet used as label or alias (case-insensitive), with an unused id. */
  label(make: () => string): { label: string; id: string } {
    for (let attempt = 0; ; attempt++) {
      let label = make();
      if (attempt > 20) label += ` ${this.root(1, 1)}`;
      const id = slugify(label);
      if (this.free(label) && id && !this.ids.has(id)) {
        this.names.add(label.toLowerCase());
        this.ids.add(id);
        return { label, id };
      }
    }
  }
  /** Claims an alias if nobody uses that name yet. */
  alias(name: string): boolean {
    if (!this.free(name)) return false;
    this.names.add(name.toLowerCase());
    return true;
  }
  private free(name: string): boolean {
    return !this.names.has(name.toLowerCase());
  }
}

function makeActors(rng: Rng, count: number, clusters: number): Actor[] {
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

function clusterName(cluster: number): string {
  return `${["North", "South", "East", "West", "Central", "Upper", "Lower", "Outer"][cluster % 8]} ${cluster + 1}`;
}

// ---------------------------------------------------------------------------
// Facts and articles

interface Fact {
  subject: number;
  relation: RelationSpec;
  object: number;
  /** Date of the first statement; restatements often repeat it. */
  date: PDate;
}

interface TripleOut {
  subject: string;
  relation: string;
  object: string;
  date: string;
  quote: string;
}

function factKey(f: { subject: number; relation: RelationSpec; object: number }): string {
  const [a, b] = !f.relation.directed && f.object < f.subject ? [f.object, f.subject] : [f.subject, f.object];
  return `${a}|${f.relation.id}|${b}`;
}

function fits(r: RelationSpec, s: Actor, o: Actor): boolean {
  return r.subjects.includes(s.kind) && r.objects.includes(o.kind);
}

class Planner {
  readonly actors: Actor[];
  private readonly byCluster: WeightedPicker<Actor>[];
  private readonly clusterPicker: WeightedPicker<number>;
  private readonly hubs: WeightedPicker<Actor>;
  /** Actors not yet in any triple, per cluster: used first now and then, so (nearly) every actor appears. */
  private readonly unused: Actor[][];
  /** Every statement of a fact, per cluster: restating picks from here, so often-cited facts get cited more. */
  private readonly statements: Fact[][];
  private readonly relationPicker = new WeightedPicker(RELATIONS, (r) => r.weight);

  constructor(
    private readonly rng: Rng,
    actorCount: number,
    readonly clusters: number,
  ) {
    this.actors = makeActors(rng, actorCount, clusters);
    const members: Actor[][] = Array.from({ length: clusters }, () => []);
    for (const a of this.actors) members[a.cluster]!.push(a);
    this.byCluster = members.map((m) => new WeightedPicker(m, (a) => a.weight));
    this.clusterPicker = new WeightedPicker(
      Array.from({ length: clusters }, (_, i) => i),
      (i) => members[i]!.length,
    );
    const top = [...this.actors].sort((a, b) => b.weight - a.weight || a.index - b.index);
    this.hubs = new WeightedPicker(top.slice(0, Math.max(3, Math.ceil(actorCount / 100))), (a) => a.weight);
    this.unused = members.map((m) => [...m]);
    this.statements = Array.from({ length: clusters }, () => []);
  }

  pickCluster(): number {
    return this.clusterPicker.pick(this.rng);
  }

  private pickActor(cluster: number): Actor {
    const rng = this.rng;
    const unused = this.unused[cluster]!;
    if (unused.length > 0 && rng.chance(0.3)) return unused[rng.int(0, unused.length - 1)]!;
    const r = rng.float();
    if (r < 0.12) return this.hubs.pick(rng);
    if (r < 0.22) return this.byCluster[this.pickCluster()]!.pick(rng);
    return this.byCluster[cluster]!.pick(rng);
  }

  private pickRelation(s: Actor, o: Actor, except?: string): RelationSpec | undefined {
    const fitting = RELATIONS.filter((r) => r.id !== except && fits(r, s, o));
    if (fitting.length === 0) return undefined;
    return new WeightedPicker(fitting, (r) => r.weight).pick(this.rng);
  }

  private newFact(cluster: number, articleDate: PDate): Fact {
    const rng = this.rng;
    for (;;) {
      const s = this.pickActor(cluster);
      let o: Actor;
      let relation: RelationSpec | undefined;
      if (s.affiliation !== undefined && rng.chance(0.15)) {
        o = this.actors[s.affiliation]!;
        relation = fits(MINISTER_OF, s, o) && rng.chance(0.6) ? MINISTER_OF : this.pickRelation(s, o);
      } else {
        o = this.pickActor(cluster);
        if (o === s) continue;
        const preferred = this.relationPicker.pick(rng);
        relation = fits(preferred, s, o) ? preferred : this.pickRelation(s, o);
      }
      if (!relation) continue;
      return { subject: s.index, relation, object: o.index, date: this.tripleDate(articleDate) };
    }
  }

  /** A date for a triple in an article: the article's own date or up to ~2.5 years before. */
  tripleDate(articleDate: PDate): PDate {
    const rng = this.rng;
    const p = rng.float();
    const precision: Precision = p < 0.2 ? "year" : p < 0.55 ? "month" : "day";
    if (rng.chance(0.55)) return { day: articleDate.day, precision: coarser(precision, articleDate.precision) };
    return { day: Math.max(FIRST_DAY, articleDate.day - rng.int(1, 900)), precision };
  }

  private unuse(actor: number): void {
    const a = this.actors[actor]!;
    const list = this.unused[a.cluster]!;
    const at = list.indexOf(a);
    if (at >= 0) list.splice(at, 1);
  }

  /** The facts one article states: new ones, restatements and new relations between known pairs. */
  planArticle(cluster: number, count: number, articleDate: PDate): Fact[] {
    const rng = this.rng;
    const seen = new Set<string>();
    const out: Fact[] = [];
    const known = this.statements[cluster]!;
    let guard = 0;
    while (out.length < count) {
      let fact: Fact | undefined;
      const r = rng.float();
      if (known.length > 0 && r < 0.3 && guard++ < 1000) {
        // Parallel evidence: the same subject–relation–object again, from another article.
        const prior = rng.pick(known);
        const swap = !prior.relation.directed && rng.chance(0.5);
        fact = {
          subject: swap ? prior.object : prior.subject,
          relation: prior.relation,
          object: swap ? prior.subject : prior.object,
          // The same event reported again, or the relation holding again later; never after the article.
          date: rng.chance(0.5) && prior.date.day <= articleDate.day ? prior.date : this.tripleDate(articleDate),
        };
      } else if (known.length > 0 && r < 0.42 && guard++ < 1000) {
        // Parallel edge: another relation between a pair already linked.
        const prior = rng.pick(known);
        const relation = this.pickRelation(this.actors[prior.subject]!, this.actors[prior.object]!, prior.relation.id);
        if (relation) fact = { subject: prior.subject, relation, object: prior.object, date: this.tripleDate(articleDate) };
      } else {
        fact = this.newFact(cluster, articleDate);
      }
      if (!fact) continue;
      const key = factKey(fact);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(fact);
      known.push(fact);
      this.unuse(fact.subject);
      this.unuse(fact.object);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Rendering

function mention(rng: Rng, a: Actor): string {
  return a.aliases.length > 0 && rng.chance(0.25) ? rng.pick(a.aliases) : a.label;
}

/** One sentence stating the fact, and the part of it that is the quote. */
function sentence(rng: Rng, actors: Actor[], f: Fact): { text: string; quote: string } {
  const core = rng
    .pick(f.relation.templates)
    .replace("{S}", mention(rng, actors[f.subject]!))
    .replace("{O}", mention(rng, actors[f.object]!))
    .replace("{W}", whenText(f.date));
  // Curators quote with straight quotation marks and plain dashes; the build normalises both.
  const quote = core.replace(/[\u201c\u201d]/g, '"').replace(/\u2013/g, "-");
  if (rng.chance(0.2) && /^[A-Z]/.test(core)) {
    // "one sentence or less": the quote leaves out the lead-in.
    return { text: rng.pick(FRAMES) + core, quote };
  }
  return { text: core, quote };
}

function articleDate(rng: Rng): PDate {
  const p = rng.float();
  return { day: rng.int(FIRST_DAY, LAST_DAY), precision: p < 0.05 ? "year" : p < 0.25 ? "month" : "day" };
}

const YAML_OPTIONS = { lineWidth: 0, blockQuote: "literal" } as const;

/** The corpus as file contents keyed by relative path, in a fixed order. */
export function renderCorpus({ triples, seed }: GenerateOptions): { files: Map<string, string>; info: GeneratedCorpus } {
  if (!Number.isInteger(triples) || triples < 1) throw new Error(`triples must be a positive integer, not ${triples}`);
  const rng = new Rng(seed);
  const actorCount = Math.max(8, Math.round(triples / TRIPLES_PER_ACTOR));
  const clusters = Math.max(3, Math.round(actorCount / 40));
  const planner = new Planner(rng, actorCount, clusters);
  const { actors } = planner;
  const files = new Map<string, string>();

  files.set(
    "corpus.yaml",
    stringify(
      { name: `Synthetic corpus (${triples} triples, seed ${seed})`, description: "Generated by bench/generate.ts for the benchmark." },
      YAML_OPTIONS,
    ),
  );
  files.set(
    "relations.yaml",
    stringify(
      RELATIONS.map(({ id, label, family, directed }) => ({ id, label, family, directed })),
      YAML_OPTIONS,
    ),
  );

  let remaining = triples;
  let articleCount = 0;
  const articleFiles: [string, string][] = [];
  const tripleFiles: [string, string][] = [];
  while (remaining > 0) {
    // 6–34 triples, 20 on average; the last article takes what is left.
    let count = 6 + Math.round((rng.float() + rng.float()) * (TRIPLES_PER_ARTICLE - 6));
    if (remaining - count < 6) count = remaining;
    remaining -= count;
    articleCount++;
    const id = `${String(articleCount).padStart(5, "0")}_${rng.hex(16)}`;
    const cluster = planner.pickCluster();
    const date = articleDate(rng);
    const facts = planner.planArticle(cluster, count, date);

    const sentences: string[] = [];
    const tripleItems: TripleOut[] = [];
    const fillers: string[] = [];
    for (const f of facts) {
      const { text, quote } = sentence(rng, actors, f);
      sentences.push(text);
      tripleItems.push({
        subject: actors[f.subject]!.id,
        relation: f.relation.id,
        object: actors[f.object]!.id,
        date: dateText(f.date),
        quote,
      });
      if (rng.chance(0.45)) {
        const filler = rng.chance(0.5) ? rng.pick(FILLERS) : rng.pick(ACTOR_FILLERS).replace("{A}", mention(rng, actors[f.subject]!));
        sentences.push(filler);
        fillers.push(filler);
      }
    }
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length;) {
      const n = rng.int(2, 5);
      paragraphs.push(sentences.slice(i, i + n).join(" "));
      i += n;
    }
    const first = facts[0]!;
    const title = `${actors[first.subject]!.label} and ${actors[first.object]!.label}: ${rng.pick(["a new chapter", "tensions rise", "talks continue", "what comes next", "the view from the region"])}`;
    const article: Record<string, string> = { title, publisher: rng.pick(PUBLISHERS) };
    if (rng.chance(0.6))
      article.author = `${rng.pick(["A.", "B.", "C.", "D.", "M.", "S."])} ${capitalize(rng.pick(SYLLABLES) + rng.pick(SYLLABLES))}`;
    article.date = dateText(date);
    if (rng.chance(0.3)) article.date_note = "Dateline of the article.";
    if (rng.chance(0.2)) article.copyright = `Copyright ${dateText(date).slice(0, 4)} ${article.publisher}`;
    article.body = paragraphs.join("\n\n") + "\n";
    articleFiles.push([`articles/${id}.yaml`, stringify(article, YAML_OPTIONS)]);

    const tripleFile: Record<string, unknown> = { article: id, triples: tripleItems };
    if (fillers.length > 0 && rng.chance(0.3)) tripleFile.reviewed = [{ sentence: rng.pick(fillers), reason: rng.pick(REVIEW_REASONS) }];
    tripleFiles.push([`triples/${id}.yaml`, stringify(tripleFile, YAML_OPTIONS)]);
  }

  files.set(
    "actors.yaml",
    stringify(
      actors.map((a) => ({
        id: a.id,
        label: a.label,
        kind: a.kind,
        ...(a.aliases.length > 0 && { aliases: a.aliases }),
        description: a.description,
        ...(a.role !== undefined && { role: a.role }),
        ...(a.affiliation !== undefined && { affiliation: actors[a.affiliation]!.id }),
      })),
      YAML_OPTIONS,
    ),
  );
  for (const [path, text] of articleFiles) files.set(path, text);
  for (const [path, text] of tripleFiles) files.set(path, text);

  return {
    files,
    info: { triples, actors: actors.length, articles: articleCount, relations: RELATIONS.length, clusters },
  };
}

/** Writes a synthetic corpus into `dir`, which must be empty or not exist yet. */
export function generateCorpus(dir: string, options: GenerateOptions): GeneratedCorpus {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  const { files, info } = renderCorpus(options);
  for (const sub of ["articles", "triples"]) mkdirSync(join(dir, sub), { recursive: true });
  for (const [path, text] of files) {
    const full = join(dir, path);
    if (!existsSync(dirname(full))) mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return info;
}
