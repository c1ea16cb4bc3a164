/**
 * Names without an actor: capitalised names in a body that no actor's label or
 * alias accounts for (a sea, an island, a treaty, a UN body), so that
 * completeness covers actors as well as relations. Rule-based and offline; it
 * works on the sentences of sentences.ts and the mentions of mentions.ts.
 *
 * A *name* is a run of words that are capitalised or inside an actor mention,
 * joined by spaces, where "of", "for" and "of the" may join two capitalised
 * words ("Sea of Japan", "Declaration of 1956"). A possessive ends a run
 * ("Japan's Maritime Self-Defense Force" is two). Then:
 *
 * - the first word of a sentence, or after an opening quotation mark, may be
 *   capitalised by position only: a function word ("The", "In", "But") is
 *   dropped, and so is any other such word unless a capitalised word follows
 *   it ("Introductory Observations") or the corpus capitalises it elsewhere in
 *   a sentence and never writes it in lower case ("Sakhalin"); "Meanwhile,",
 *   "Several" and "New joint exercises" are no names;
 * - a run is *explained* when every word of it is inside a mention, a title
 *   or calendar word ("Foreign Minister", "President", "November") or a
 *   connector, so "Russian Foreign Minister Sergei Lavrov" is no name;
 * - an unexplained run is reported whole, trimmed of titles and connectors
 *   at its ends, and of a mention that stands before a title ("Chinese
 *   Foreign Minister Wang Yi" is "Wang Yi") or after one ("Russian Foreign
 *   Minister Sergei Lavrov" is "Russian" where "Russian" names no actor),
 *   but a mention that is part of the name stays ("Indian Ocean",
 *   "Russia-Ukraine War").
 *
 * Words are split at hyphens for the explanation, so "Russia-China" is
 * explained and "Sino-Russian" is not.
 */
import type { MentionMatcher } from "./mentions";
import { splitSentences } from "./sentences";
import { nameKey } from "./validate";

export interface NameOccurrence {
  /** The sentence (normalised) in which the name stands. */
  sentence: string;
  /** [start, end) of the name in the sentence. */
  start: number;
  end: number;
}

export interface FoundName {
  /** As the body first writes it. */
  name: string;
  /** Case and spacing folded, as labels and aliases are compared (validate.ts). */
  key: string;
  occurrences: NameOccurrence[];
}

/** Capitalised words that make no name on their own: titles, calendar words, articles. */
const GENERIC = new Set(
  [
    "the a an mr mrs ms dr prof sir",
    "minister ministers ministry prime president presidents foreign defence defense affairs secretary chief chairman",
    "spokesperson spokesman spokeswoman ambassador senior vice deputy official officials general admiral commander",
    "leader leaders premier chancellor governor king queen emperor",
    "january february march april may june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "monday tuesday wednesday thursday friday saturday sunday",
  ]
    .join(" ")
    .split(" "),
);

/** Words that open sentences without being names, whatever the corpus writes in lower case. */
const FUNCTION_WORDS = new Set(
  [
    "the a an in on at by for from to with of as but and or nor so yet if when while whereas although though because since",
    "after before during until this that these those there then thus however it its he she they we i you his her their our my your",
    "what which who whom whose where why how do does did is are was were be been has have had not no all both each every",
    "several some many most much more such other another any one two three first second last next also even only just",
  ]
    .join(" ")
    .split(" "),
);

/** Joins two capitalised words into one name. */
const CONNECTORS = new Set(["of", "for"]);

/** A word: letters and digits, with inner hyphens, apostrophes, dots, "+" and "&" ("2+2", "U.S", "Ocean-2024"). */
const WORD = /[\p{L}\p{N}]+(?:[-+.'&][\p{L}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;
const INITIALS = /^\p{Lu}(?:\.\p{Lu})+$/u;
const POSSESSIVE = /'s?$/;
const OPENING = /["'([]$/;

interface Word {
  text: string;
  start: number;
  end: number;
  /** Parts between hyphens, with their own spans. */
  parts: { text: string; start: number; end: number }[];
  /** A possessive ("Japan's") ends the run after this word. */
  possessive: boolean;
  /** First word of the sentence or of a quotation. */
  initial: boolean;
}

function wordsOf(sentence: string): Word[] {
  const out: Word[] = [];
  for (const m of sentence.matchAll(WORD)) {
    let text = m[0];
    let end = m.index + text.length;
    // "U.N." keeps its final dot; a sentence's full stop stays out.
    if (INITIALS.test(text) && sentence[end] === ".") {
      text += ".";
      end++;
    }
    const possessive = POSSESSIVE.test(text) || /^'/.test(sentence.slice(end, end + 1));
    if (POSSESSIVE.test(text)) {
      text = text.replace(POSSESSIVE, "");
      end = m.index + text.length;
    }
    const before = sentence.slice(0, m.index).trimEnd();
    const parts: Word["parts"] = [];
    let at = m.index;
    for (const part of text.split("-")) {
      if (part) parts.push({ text: part, start: at, end: at + part.length });
      at += part.length + 1;
    }
    out.push({ text, start: m.index, end, parts, possessive, initial: before === "" || OPENING.test(before) });
  }
  return out;
}

/** How a corpus writes its words: what it capitalises inside sentences, what it writes in lower case. */
export interface Vocabulary {
  capitalised: ReadonlySet<string>;
  lowercase: ReadonlySet<string>;
}

export function vocabularyOf(bodies: readonly string[]): Vocabulary {
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  for (const body of bodies)
    for (const s of splitSentences(body))
      for (const w of wordsOf(s.text)) {
        if (!CAPITALISED.test(w.text)) lowercase.add(w.text);
        else if (!w.initial) capitalised.add(w.text);
      }
  return { capitalised, lowercase };
}

export class NameFinder {
  /**
   * `vocabulary` tells a name from a word capitalised by its place at the
   * start of a sentence; give the whole corpus's (`vocabularyOf`), so an
   * article's first use of a name is judged by the others.
   */
  constructor(
    private readonly matcher: MentionMatcher,
    private readonly vocabulary: Vocabulary = { capitalised: new Set(), lowercase: new Set() },
  ) {}

  /** The names of one sentence (normalised), in order. */
  inSentence(sentence: string): NameOccurrence[] {
    const mentions = this.matcher.find(sentence);
    const covered = (start: number, end: number) => mentions.some((m) => m.start <= start && end <= m.end);
    const words = wordsOf(sentence);
    const inMention = words.map((w) => covered(w.start, w.end));
    const gapIsSpace = (a: Word, b: Word) => sentence.slice(a.end, b.start) === " ";
    const capitalOrMention = (i: number) => inMention[i]! || CAPITALISED.test(words[i]!.text);
    const isCapitalised = (i: number) => {
      const w = words[i]!;
      if (!capitalOrMention(i)) return false;
      if (!w.initial || inMention[i]) return true;
      // A capital perhaps only because the sentence (or a quotation) starts here.
      if (FUNCTION_WORDS.has(w.text.toLowerCase())) return false;
      const next = words[i + 1];
      if (next && !w.possessive && gapIsSpace(w, next) && capitalOrMention(i + 1)) return true;
      return this.vocabulary.capitalised.has(w.text) && !this.vocabulary.lowercase.has(w.text.toLowerCase());
    };

    const out: NameOccurrence[] = [];
    let i = 0;
    while (i < words.length) {
      if (!isCapitalised(i)) {
        i++;
        continue;
      }
      // Grow the run: capitalised words, or a connector between two of them.
      const run = [i];
      let j = i;
      while (!words[j]!.possessive && j + 1 < words.length) {
        const next = words[j + 1]!;
        if (!gapIsSpace(words[j]!, next)) break;
        if (isCapitalised(j + 1)) {
          run.push(++j);
          continue;
        }
        const bridge = this.bridge(words, j + 1, isCapitalised, gapIsSpace);
        if (bridge === 0) break;
        for (let k = 1; k <= bridge; k++) run.push(j + k);
        j += bridge;
      }
      i = j + 1;
      const found = this.nameOfRun(run, words, inMention, mentions);
      if (found) out.push({ sentence, ...found });
    }
    return out;
  }

  /** How many words from `at` join the run: "of" / "for" (and "the") before a capitalised word or a year; 0 when none. */
  private bridge(words: Word[], at: number, isCapitalised: (i: number) => boolean, gapIsSpace: (a: Word, b: Word) => boolean): number {
    const w = words[at]!;
    if (!CONNECTORS.has(w.text) || w.possessive) return 0;
    let k = at + 1;
    if (words[k]?.text === "the" && gapIsSpace(w, words[k]!)) k++;
    const next = words[k];
    if (!next || !gapIsSpace(words[k - 1]!, next)) return 0;
    if (isCapitalised(k) || /^\d{4}$/.test(next.text)) return k - at + 1;
    return 0;
  }

  private nameOfRun(
    run: number[],
    words: Word[],
    inMention: boolean[],
    mentions: ReturnType<MentionMatcher["find"]>,
  ): { start: number; end: number } | null {
    const partCovered = (p: Word["parts"][number]) => mentions.some((m) => m.start <= p.start && p.end <= m.end);
    const generic = (w: Word) => GENERIC.has(w.text.toLowerCase()) || CONNECTORS.has(w.text) || w.text === "the";
    const explained = (k: number) => {
      const w = words[k]!;
      return inMention[k] || generic(w) || w.parts.every((p) => partCovered(p) || GENERIC.has(p.text.toLowerCase()));
    };
    if (run.every(explained)) return null;
    // Trim titles, connectors and a mention standing before a title from the ends.
    let a = 0;
    let b = run.length - 1;
    for (;;) {
      const w = words[run[a]!]!;
      if (generic(w)) a++;
      else if (inMention[run[a]!] && a + 1 <= b && generic(words[run[a + 1]!]!)) a++;
      else break;
    }
    for (;;) {
      if (b > a && generic(words[run[b]!]!)) b--;
      else if (b > a && inMention[run[b]!]) {
        // A mention after a title is the titled person, an actor: "Russian Foreign Minister Sergei Lavrov" is "Russian".
        let c = b;
        while (c > a && inMention[run[c - 1]!]) c--;
        if (c > a && generic(words[run[c - 1]!]!)) b = c - 1;
        else break;
      } else break;
    }
    if (run.slice(a, b + 1).every(explained)) return null;
    const first = words[run[a]!]!;
    const last = words[run[b]!]!;
    // A lone number or a single letter is no name.
    if (first === last && !/\p{L}{2}/u.test(first.text)) return null;
    return { start: first.start, end: last.end };
  }

  /** The names of a body, grouped by name (case and spacing folded), in order of first occurrence. */
  inBody(body: string): FoundName[] {
    const byKey = new Map<string, FoundName>();
    for (const s of splitSentences(body)) {
      for (const occ of this.inSentence(s.text)) {
        const name = s.text.slice(occ.start, occ.end);
        const key = nameKey(name);
        const found = byKey.get(key) ?? { name, key, occurrences: [] };
        found.occurrences.push(occ);
        byKey.set(key, found);
      }
    }
    return [...byKey.values()];
  }
}
