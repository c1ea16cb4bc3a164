/**
 * Where a text names registry actors. Works on normalised text (see
 * src/model/text.ts), as the quote check and sentences.ts do.
 */
import type { Actor } from "./corpus";
import { normalizeText } from "../../src/model/text";

export interface Mention {
  actor: string;
  /** The label or alias that matched, as the registry spells it. */
  name: string;
  /** [start, end) in the normalised text. */
  start: number;
  end: number;
}

interface Pattern {
  actor: string;
  name: string;
  regex: RegExp;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A name matches only as a whole word: no letter or digit may touch it on either
 * side. (`\b` would fail around names that start or end with punctuation, "U.S.".)
 */
function namePattern(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(name)}(?![\\p{L}\\p{N}])`, "giu");
}

export class MentionMatcher {
  private readonly patterns: Pattern[];

  constructor(actors: readonly Pick<Actor, "id" | "label" | "aliases">[]) {
    const seen = new Set<string>();
    this.patterns = [];
    for (const a of actors) {
      for (const raw of [a.label, ...a.aliases.map((x) => x.name)]) {
        const name = normalizeText(raw);
        const key = `${a.id}\u0000${name.toLowerCase()}`;
        if (!name || seen.has(key)) continue;
        seen.add(key);
        this.patterns.push({ actor: a.id, name, regex: namePattern(name) });
      }
    }
  }

  /**
   * Every actor mention in `text` (normalised first), in text order. Where names
   * overlap the longest wins, so "Indian Navy" is one mention of the navy and not
   * also one of India, and "Vladimir Putin" is not also "Putin".
   */
  find(text: string): Mention[] {
    const norm = normalizeText(text);
    const candidates: Mention[] = [];
    for (const p of this.patterns) {
      p.regex.lastIndex = 0;
      for (const m of norm.matchAll(p.regex)) {
        candidates.push({ actor: p.actor, name: p.name, start: m.index, end: m.index + m[0].length });
      }
    }
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken: Mention[] = [];
    for (const c of candidates) {
      if (taken.every((t) => c.end <= t.start || c.start >= t.end)) taken.push(c);
    }
    return taken.sort((a, b) => a.start - b.start);
  }

  /** The distinct actors `text` names, in order of first mention. */
  actorsIn(text: string): string[] {
    return [...new Set(this.find(text).map((m) => m.actor))];
  }
}
