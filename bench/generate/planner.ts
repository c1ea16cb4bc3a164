/**
 * Which facts each synthetic article states: mostly inside a cluster, often
 * about hubs, with restatements (one edge, several evidence entries) and new
 * relations between pairs already linked (parallel edges).
 */
import { makeActors, type Actor } from "./actors";
import { FIRST_DAY, coarser, type PDate, type Precision } from "./dates";
import { WeightedPicker, type Rng } from "./random";
import { MINISTER_OF, RELATIONS, type RelationSpec } from "./relations";

export interface Fact {
  subject: number;
  relation: RelationSpec;
  object: number;
  /** Date of the first statement; restatements often repeat it. */
  date: PDate;
}

export function factKey(f: { subject: number; relation: RelationSpec; object: number }): string {
  const [a, b] = !f.relation.directed && f.object < f.subject ? [f.object, f.subject] : [f.subject, f.object];
  return `${a}|${f.relation.id}|${b}`;
}

function fits(r: RelationSpec, s: Actor, o: Actor): boolean {
  return r.subjects.includes(s.kind) && r.objects.includes(o.kind);
}

export class Planner {
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
