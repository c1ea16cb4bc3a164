import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  containsVerbatim,
  findFolded,
  foldText,
  foldWithMap,
  isKnown,
  locateQuote,
  normalizeText,
  plural,
  shorten,
} from "../../src/model/text";

describe("normalizeText", () => {
  it("straightens curly and other typographic quotes", () => {
    expect(normalizeText("\u201CPeace,\u201D he said")).toBe('"Peace," he said');
    expect(normalizeText("\u201EJa\u201C \u00ABnon\u00BB")).toBe('"Ja" "non"');
    expect(normalizeText("Japan\u2019s \u2018offer\u2019")).toBe("Japan's 'offer'");
  });

  it("turns dash variants into a hyphen-minus", () => {
    for (const dash of ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"]) {
      expect(normalizeText(`2014${dash}2015`), `U+${dash.codePointAt(0)!.toString(16)}`).toBe("2014-2015");
    }
  });

  it("collapses every run of whitespace into one space and trims the ends", () => {
    expect(normalizeText("  the  G7 \n\n summit\t in\u00A0Elmau \r\n")).toBe("the G7 summit in Elmau");
  });

  it("keeps case, letters and diacritics", () => {
    expect(normalizeText("Sergei ŠOIGU")).toBe("Sergei ŠOIGU");
    expect(normalizeText("Zürich")).not.toBe(normalizeText("Zurich"));
    expect(normalizeText("Abe")).not.toBe(normalizeText("abe"));
  });

  it("keeps plain ASCII punctuation as it is", () => {
    const plain = `He said: "no - never", it's 'final' (2015).`;
    expect(normalizeText(plain)).toBe(plain);
  });
});

describe("containsVerbatim", () => {
  const body = "The minister said \u201Cwe will  not\nretreat\u201D \u2013 and left.";

  it("finds a quote that differs only in quotes, dashes and whitespace", () => {
    expect(containsVerbatim(body, '"we will not retreat" - and left')).toBe(true);
    expect(containsVerbatim(body, "we will not retreat")).toBe(true);
  });

  it("rejects a quote that differs in case or in a letter", () => {
    expect(containsVerbatim(body, "We will not retreat")).toBe(false);
    expect(containsVerbatim(body, "we will not retreats")).toBe(false);
    expect(containsVerbatim(body, "we will never retreat")).toBe(false);
  });

  it("does not let whitespace stand in where the source has none", () => {
    expect(containsVerbatim(body, "re treat")).toBe(false);
  });

  it("rejects an empty or blank quote", () => {
    expect(containsVerbatim(body, "")).toBe(false);
    expect(containsVerbatim(body, " \n\t ")).toBe(false);
  });
});

describe("locateQuote", () => {
  const body =
    "Tokyo \u2014 Japan\u2019s prime minister met the press.\n\n" +
    "He said Japan would \u201Cnot  accept\n  the annexation\u201D \u2013 a line he\u2019d used before.\n" +
    "The talks \u2013 in Moscow \u2013 ended.";

  it("returns indices of the original passage, curly quotes, dashes and line breaks included", () => {
    const original = "\u201Cnot  accept\n  the annexation\u201D \u2013 a line he\u2019d used";
    const at = locateQuote(body, '"not accept the annexation" - a line he\'d used');
    expect(at).not.toBeNull();
    const [start, end] = at!;
    expect(body.slice(start, end)).toBe(original);
    expect(start).toBe(body.indexOf(original));
  });

  it("finds a quote at the very start and at the very end of the body", () => {
    const start = locateQuote(body, "Tokyo - Japan's prime");
    expect(start).not.toBeNull();
    expect(body.slice(...start!)).toBe("Tokyo \u2014 Japan\u2019s prime");
    expect(start![0]).toBe(0);

    const end = locateQuote(body, "in Moscow - ended.");
    expect(end).not.toBeNull();
    expect(body.slice(...end!)).toBe("in Moscow \u2013 ended.");
    expect(end![1]).toBe(body.length);
  });

  it("spans a paragraph break", () => {
    const at = locateQuote(body, "met the press. He said");
    expect(at).not.toBeNull();
    expect(body.slice(...at!)).toBe("met the press.\n\nHe said");
  });

  it("leaves out whitespace around the quote", () => {
    const at = locateQuote(body, "  \n the annexation  ");
    expect(at).not.toBeNull();
    expect(body.slice(...at!)).toBe("the annexation");
  });

  it("locates a quote with curly marks in a body with straight ones", () => {
    const straight = `Abe said "it's over" - twice.`;
    const at = locateQuote(straight, "\u201Cit\u2019s over\u201D \u2014 twice");
    expect(at).not.toBeNull();
    expect(straight.slice(...at!)).toBe(`"it's over" - twice`);
  });

  it("gives the first occurrence", () => {
    const twice = "Sanctions \u2013 again. Then sanctions \u2013 again.";
    const at = locateQuote(twice, "sanctions - again");
    expect(at).not.toBeNull();
    expect(at![0]).toBe(twice.indexOf("sanctions"));
  });

  it("gives null when the quote is not there", () => {
    expect(locateQuote(body, "accept the occupation")).toBeNull();
    expect(locateQuote(body, "NOT ACCEPT")).toBeNull();
    expect(locateQuote(body, "")).toBeNull();
    expect(locateQuote(body, "   ")).toBeNull();
    expect(locateQuote("", "Tokyo")).toBeNull();
  });

  it("agrees with containsVerbatim", () => {
    for (const quote of ["a line he'd used", "the talks", "The talks - in Moscow", "Tokyo Japan"]) {
      expect(locateQuote(body, quote) !== null, quote).toBe(containsVerbatim(body, quote));
    }
  });
});

describe("normalizeText and normalizeWithMap", () => {
  it("agree on any text (the fast path is the same normalisation)", async () => {
    const fc = (await import("fast-check")).default;
    const { normalizeWithMap } = await import("../../src/model/text");
    const pieces = fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0", "‘", "’", "“", "”", "–", "—", "−", "a", "B", ".", "é", "'", '"', "-");
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(normalizeText(text)).toBe(normalizeWithMap(text).text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("foldWithMap and findFolded", () => {
  it("folds as foldText does, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 40 }), (text) => {
        expect(foldWithMap(text).text).toBe(foldText(text));
      }),
    );
    for (const text of ["  Šoigu  ", "ΟΔΥΣΣΕΥΣ", "Straße\u00A0\tx", "e\u0301te\u0301", "😀 Ab", "ǅ ﬁ ½"]) {
      expect(foldWithMap(text).text, text).toBe(foldText(text));
    }
  });

  it("maps each folded character back to the character it came from", () => {
    const { text, map } = foldWithMap("  Wałęsa  Straße");
    expect(text).toBe("walesa strasse");
    expect(map).toHaveLength(text.length);
    expect(map[0]).toBe(2); // w
    expect(map[text.indexOf("ss")]).toBe(map[text.indexOf("ss") + 1]); // both s of ß
  });

  it("finds a word whatever its case and accents, as ranges of the original text", () => {
    const quote = "Japan and RUSSIA met; Russia’s Šoigu and Russia again";
    const ranges = findFolded(quote, "russia");
    expect(ranges.map(([a, b]) => quote.slice(a, b))).toEqual(["RUSSIA", "Russia", "Russia"]);
    expect(findFolded("Sergei Šoigu", "soigu").map(([a, b]) => "Sergei Šoigu".slice(a, b))).toEqual(["Šoigu"]);
    // A letter written with a combining mark is marked whole.
    const composed = "Se\u0301ance";
    expect(findFolded(composed, "se").map(([a, b]) => composed.slice(a, b))).toEqual(["Se\u0301"]);
    expect(findFolded(quote, "  ")).toEqual([]);
    expect(findFolded(quote, "kremlin")).toEqual([]);
  });
});

describe("plural", () => {
  it("says 1 relation and 2 relations", () => {
    expect(plural(1, "relation")).toBe("1 relation");
    expect(plural(0, "relation")).toBe("0 relations");
    expect(plural(74, "relation")).toBe("74 relations");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(3, "entry", "entries")).toBe("3 entries");
    expect(plural(12000, "actor")).toBe("12,000 actors");
  });
});

describe("shorten and isKnown", () => {
  it("leaves a short text alone and cuts a long one at a word, with an ellipsis", () => {
    expect(shorten("short", 10)).toEqual({ text: "short", cut: false });
    const long = "sel=japan&".repeat(10_000);
    const cut = shorten(long, 100);
    expect(cut.cut).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(100);
    expect(cut.text.endsWith("…")).toBe(true);
    const words = shorten("one two three four five six seven eight nine ten", 20);
    expect(words.text).toBe("one two three four…");
  });

  it("never cuts a surrogate pair in two", () => {
    const cut = shorten("😀".repeat(20), 11);
    expect(cut.text.endsWith("…")).toBe(true);
    expect(cut.text.slice(0, -1)).toBe("😀".repeat(cut.text.slice(0, -1).length / 2));
  });

  it("treats 'unknown', blanks and placeholders as no value", () => {
    for (const v of ["unknown", "Unknown", " UNKNOWN ", "", "  ", "n/a", "N/A", "-", "?", undefined, null])
      expect(isKnown(v), String(v)).toBe(false);
    for (const v of ["Mainichi", "Asia Times", "Unknown Pleasures Weekly"]) expect(isKnown(v), v).toBe(true);
  });
});
