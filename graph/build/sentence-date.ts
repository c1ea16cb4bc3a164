/**
 * The date a sentence gives, as a partial date, for the studio's proposed
 * triples: the first date written out in the sentence, as precisely as it is
 * written, else the article's date. Relative dates ("on Monday", "last
 * month") are left to the curator: resolving them is a judgement the
 * guidelines ask to be written down.
 */
import { isPartialDate } from "../../src/model/dates";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// Capitalised, as months are written: "may" and "march" are also verbs.
const MONTH = `(${MONTHS.join("|")}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?!\\p{L})\\.?`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = `((?:1[89]|20)\\d\\d)`;

/** Tried at each position, most precise first; each gives [year, month?, day?] from its groups. */
const FORMS: { regex: RegExp; parts: (m: RegExpExecArray) => [string, string?, string?] }[] = [
  // 24 February 2022, 25th February 2022
  { regex: new RegExp(`^${DAY} (?:of )?${MONTH},? ${YEAR}`, "u"), parts: (m) => [m[3]!, m[2]!, m[1]!] },
  // November 2, 2013
  { regex: new RegExp(`^${MONTH} ${DAY},? ${YEAR}`, "u"), parts: (m) => [m[3]!, m[1]!, m[2]!] },
  // September 2024
  { regex: new RegExp(`^${MONTH},? ${YEAR}`, "u"), parts: (m) => [m[2]!, m[1]!] },
  // 2014
  { regex: new RegExp(`^${YEAR}(?![\\d.,]\\d)`, "u"), parts: (m) => [m[1]!] },
];

/** A month named alone ("In April"), read in the article's year. */
const LONE_MONTH = new RegExp(`^(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?) ${MONTH}(?! \\d)`, "u");

function monthNumber(name: string): string {
  const key = name.replace(/\.$/, "");
  const index = MONTHS.findIndex((m) => m.startsWith(key));
  return String(index + 1).padStart(2, "0");
}

function partial([year, month, day]: [string, string?, string?]): string {
  if (!month) return year;
  const mm = monthNumber(month);
  return day ? `${year}-${mm}-${day.padStart(2, "0")}` : `${year}-${mm}`;
}

/** The first date the sentence writes out, or `fallback` (the article's date). */
export function dateInSentence(sentence: string, fallback: string): string {
  for (let i = 0; i < sentence.length; i++) {
    // Dates start at a word.
    if (i > 0 && /[\p{L}\p{N}]/u.test(sentence[i - 1]!)) continue;
    const rest = sentence.slice(i);
    for (const form of FORMS) {
      const m = form.regex.exec(rest);
      if (!m) continue;
      const date = partial(form.parts(m));
      if (isPartialDate(date)) return date;
    }
    const lone = LONE_MONTH.exec(rest);
    if (lone && /^\d{4}/.test(fallback)) {
      const date = `${fallback.slice(0, 4)}-${monthNumber(lone[1]!)}`;
      if (isPartialDate(date)) return date;
    }
  }
  return fallback;
}
