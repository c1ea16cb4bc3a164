/**
 * Text shared by the build and the app. Two strengths:
 *
 *  - normalisation (is a quote verbatim? where is it in the article?):
 *    whitespace collapsed, curly quotes made straight, dash variants made
 *    "-". Nothing looser.
 *  - folding (does a query match a name? what is a file or id called?): case
 *    and diacritics removed as well; `slugify` keeps only ASCII words.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;

function normalizeChar(ch: string): string {
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return "-";
  return ch;
}

/**
 * The normalised text, and for each of its characters the index of the
 * source character it came from (so a match can be mapped back).
 */
export function normalizeWithMap(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out += " ";
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    out += normalizeChar(ch);
    map.push(i);
  }
  return { text: out, map };
}

const SINGLE_QUOTES_ALL = new RegExp(SINGLE_QUOTES.source, "g");
const DOUBLE_QUOTES_ALL = new RegExp(DOUBLE_QUOTES.source, "g");
const DASHES_ALL = new RegExp(DASHES.source, "g");

/** Same result as `normalizeWithMap(text).text`, several times faster: the build normalises every body and quote. */
export function normalizeText(text: string): string {
  return text.replace(SINGLE_QUOTES_ALL, "'").replace(DOUBLE_QUOTES_ALL, '"').replace(DASHES_ALL, "-").replace(/\s+/g, " ").trim();
}

/** Whether the quote occurs in the text; pass a body already normalised to check many quotes against it. */
export function containsVerbatim(body: string, quote: string, bodyIsNormalized = false): boolean {
  const q = normalizeText(quote);
  return q.length > 0 && (bodyIsNormalized ? body : normalizeText(body)).includes(q);
}

/** Where the quote stands in the source text, as [start, end) indices, or null. */
export function locateQuote(body: string, quote: string): [number, number] | null {
  const q = normalizeText(quote);
  if (!q) return null;
  const { text, map } = normalizeWithMap(body);
  const at = text.indexOf(q);
  if (at < 0) return null;
  return [map[at]!, map[at + q.length - 1]! + 1];
}

// Latin letters that Unicode does not decompose into a base letter and a mark.
const UNDECOMPOSED = new Map(Object.entries({ ł: "l", ø: "o", đ: "d", ð: "d", ħ: "h", ß: "ss", æ: "ae", œ: "oe", ı: "i", þ: "th" }));
const UNDECOMPOSED_ALL = /[łøđðħßæœıþ]/g;

/**
 * Case and diacritics removed, whitespace collapsed: "Šoigu", "ŠOIGU" and
 * "soigu" fold to the same text, as do "Wałęsa" and "walesa". Transliteration
 * ("sh" for "š") is not attempted: the registry lists such spellings as aliases.
 */
export function foldText(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(UNDECOMPOSED_ALL, (ch) => UNDECOMPOSED.get(ch)!)
      // The one letter whose lower case depends on its place in a word: folded as Unicode's case folding does.
      .replace(/ς/g, "σ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** One character folded on its own, as `foldText` folds it inside a text. */
function foldChar(ch: string): string {
  const folded = ch
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(UNDECOMPOSED_ALL, (c) => UNDECOMPOSED.get(c)!);
  return folded === "ς" ? "σ" : folded;
}

/**
 * The folded text (the same as `foldText`) and, for each of its characters,
 * the index in `text` of the character it came from, so that a match found in
 * folded text can be marked in the original.
 */
export function foldWithMap(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  for (const ch of text) {
    for (const f of foldChar(ch)) {
      if (/\s/.test(f)) {
        if (pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (pendingSpace >= 0 && out.length > 0) {
        out += " ";
        map.push(pendingSpace);
      }
      pendingSpace = -1;
      for (let k = 0; k < f.length; k++) map.push(i);
      out += f;
    }
    i += ch.length;
  }
  return { text: out, map };
}

/**
 * Where `query` occurs in `text` when both are folded (case, accents,
 * whitespace), as [start, end) ranges of `text`, in order and not
 * overlapping. An empty query occurs nowhere.
 */
export function findFolded(text: string, query: string): [number, number][] {
  const q = foldText(query);
  if (!q) return [];
  const { text: folded, map } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) {
    const start = map[at]!;
    const last = map[at + q.length - 1]!;
    // The end is after the whole source character (a surrogate pair, a letter with its marks).
    let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
    while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
    ranges.push([start, end]);
  }
  return ranges;
}

/** "1 relation", "2 relations", "12,000 relations"; `many` for the words whose plural is not a plain "s". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** Texts from data longer than this are cut in the page, the whole shown on request. */
export const SHORT_TEXT = 280;

/**
 * A text cut to at most `max` characters at a word boundary where there is
 * one near the end, with "…"; `cut` says whether anything was left out.
 */
export function shorten(text: string, max = SHORT_TEXT): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = max - 1;
  const space = text.lastIndexOf(" ", end);
  if (space > max * 0.7) end = space;
  // Never between the two halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end--;
  return { text: `${text.slice(0, end).trimEnd()}…`, cut: true };
}

/** Metadata a record gives as "unknown" (or leaves empty) says nothing, and is left out of the page. */
export function isKnown(value: string | undefined | null): value is string {
  return typeof value === "string" && value.trim() !== "" && !/^(unknown|n\/?a|none|-+|\?+)$/i.test(value.trim());
}

/** Longest slug `slugify` returns, so that a file name stays readable. */
export const MAX_SLUG = 60;

/** Lowercase ASCII words joined by "-": accents dropped, other scripts and symbols become separators. */
export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, MAX_SLUG).replace(/-+$/, "");
}
