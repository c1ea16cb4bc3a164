/**
 * How a body divides into sentences, on normalised text (see
 * src/model/text.ts), so that the quote check, the one-sentence rule and the
 * coverage report all agree.
 *
 * Paragraphs (separated by a blank line) always end a sentence, so headings
 * and list items stand alone. Inside a paragraph a sentence ends at . ! or ?
 * (with any closing quotes or brackets) followed by a space and a capital, a
 * digit, a quote or a bracket — except after an abbreviation: a run of
 * initials ("U.S.", "M. K."), or a title or other short form that stands
 * before a name or a number ("Dr.", "Mr.", "No. 5", "Nov. 2"). A full stop
 * inside a number ("2.5") is followed by no space and ends nothing.
 */
import { normalizeText } from "../../src/model/text";

export interface Sentence {
  /** 0-based index of the paragraph the sentence belongs to. */
  paragraph: number;
  /** The sentence, normalised. */
  text: string;
}

/** The normalised body and, in it, where each sentence starts and ends. */
export interface SentenceSplit {
  text: string;
  /** [start, end) of each sentence in `text`, in order; sentences are separated by one space. */
  spans: { start: number; end: number; paragraph: number }[];
}

const PARAGRAPH_BREAK = /(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)/;
const BOUNDARY = /[.!?]+["')\]]*(?= +[\p{Lu}\p{N}"'([])/gu;

/** A period after a run of single capitals ("U.S.", "M.K.") ends an abbreviation, not a sentence. */
const INITIALS = /(?:^|[^\p{L}])(?:\p{Lu}\.)+$/u;

/** Short forms that stand before a name or a number, so their period ends no sentence. */
const SHORT_FORMS =
  /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Lt|Col|Capt|Cmdr|Adm|Sgt|Gov|Sen|Rep|Amb|Pres|Rev|Hon|St|Mt|No|Nos|Art|Fig|Vol|vs|cf|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e)\.$/u;

/** Abbreviations are short: looking at the end of the sentence so far keeps a paragraph of initials linear. */
const TAIL = 32;

function isAbbreviation(para: string, start: number, end: number): boolean {
  const tail = para.slice(Math.max(start, end - TAIL), end);
  return INITIALS.test(tail) || SHORT_FORMS.test(tail);
}

export function splitBody(body: string): SentenceSplit {
  const spans: SentenceSplit["spans"] = [];
  const parts: string[] = [];
  let offset = 0;
  body
    .split(PARAGRAPH_BREAK)
    .map(normalizeText)
    .forEach((para, paragraph) => {
      if (!para) return;
      if (parts.length > 0) offset += 1; // the space that joins paragraphs in the normalised body
      parts.push(para);
      let start = 0;
      for (const m of para.matchAll(BOUNDARY)) {
        const end = m.index + m[0].length;
        if (m[0] === "." && isAbbreviation(para, start, end)) continue;
        spans.push({ start: offset + start, end: offset + end, paragraph });
        start = end + 1;
      }
      spans.push({ start: offset + start, end: offset + para.length, paragraph });
      offset += para.length;
    });
  return { text: parts.join(" "), spans };
}

/** The sentences of a body, normalised. */
export function splitSentences(body: string): Sentence[] {
  const { text, spans } = splitBody(body);
  return spans.map((s) => ({ paragraph: s.paragraph, text: text.slice(s.start, s.end) })).filter((s) => s.text.length > 0);
}

/**
 * Where the first sentence inside [start, end) of the split's text ends, when
 * that span runs on into the next sentence; -1 when it lies within one.
 */
export function sentenceEndWithin(split: SentenceSplit, start: number, end: number): number {
  const { spans } = split;
  // The first sentence that ends after `start`, by binary search.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = spans[lo];
  return first && first.end < end ? first.end : -1;
}
