/**
 * Where a text names registry actors, and how a body divides into sentences.
 * Both work on normalised text (see text.ts), so they agree with the quote check.
 */
import type { Actor } from "./load";
import { normalizeText } from "../../src/model/text";

export interface Mention {
  actor: string;
  /** The label or alias that matched, as the registry spells it. */
  name: string;
  /** [start, end) in the normalised text. */
  start: number;
  end: number;
}

export interface Sentence {
  /** 0-based index of the paragraph the sentence belongs to. */
  paragraph: number;
  /** The sentence, normalised. */
  text: string;
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

/** A period after a run of single capitals ("U.S.", "M.K.") ends an abbreviation, not a sentence. */
const ABBREVIATION = /(?:^|[^\p{L}])(?:\p{Lu}\.)+$/u;

/**
 * The sentences of a body, normalised. Paragraphs (separated by a blank line)
 * always end a sentence, so headings and list items stand alone. Inside a
 * paragraph a sentence ends at . ! or ? (with any closing quotes or brackets)
 * followed by a space and a capital, digit, quote or bracket.
 */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = body.split(/\n[ \t\u00a0]*\n/).map(normalizeText);
  paragraphs.forEach((para, paragraph) => {
    if (!para) return;
    const boundary = /[.!?]+["')\]]*(?= +[\p{Lu}\p{N}"'([])/gu;
    let start = 0;
    for (const m of para.matchAll(boundary)) {
      const end = m.index + m[0].length;
      if (m[0].startsWith(".") && m[0].length === 1 && ABBREVIATION.test(para.slice(start, end))) continue;
      const text = para.slice(start, end).trim();
      if (text) out.push({ paragraph, text });
      start = end;
    }
    const rest = para.slice(start).trim();
    if (rest) out.push({ paragraph, text: rest });
  });
  return out;
}
