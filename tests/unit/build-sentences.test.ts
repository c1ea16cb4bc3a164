/**
 * Quotes are one sentence or less (graph/README.md): where the sentences of a
 * body end (graph/build/sentences.ts) and the build's refusal of a quote that
 * runs over a sentence end, with the place said. Abbreviations, initials,
 * numbers and quotations do not end a sentence where they should not.
 */
import { afterAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../graph/build/index";
import { CorpusError, formatProblem } from "../../graph/build/problems";
import { splitSentences } from "../../graph/build/sentences";
import { copyCorpus, lineOf, removeTempDirs, replaceInFile, where } from "./helpers/corpus";

afterAll(removeTempDirs);

function problemsOf(dir: string): string[] {
  try {
    buildGraph(dir, { iterations: 10 });
    return [];
  } catch (err) {
    if (!(err instanceof CorpusError)) throw err;
    return err.problems.map(formatProblem);
  }
}

const texts = (body: string) => splitSentences(body).map((s) => s.text);

describe("sentence ends", () => {
  it("are not after titles, initials or a number's abbreviation", () => {
    expect(texts("Dr. Ito met Mr. Lavrov and Mrs. Abe. Then Prof. M. K. Bhadrakumar wrote Paper No. 5 on Nov. 2. It ended.")).toEqual([
      "Dr. Ito met Mr. Lavrov and Mrs. Abe.",
      "Then Prof. M. K. Bhadrakumar wrote Paper No. 5 on Nov. 2.",
      "It ended.",
    ]);
    expect(texts("The U.S. Department of State agreed. The U.S.-Japan alliance held.")).toEqual([
      "The U.S. Department of State agreed.",
      "The U.S.-Japan alliance held.",
    ]);
  });

  it("are not inside a number, and are after a quotation that ends one", () => {
    expect(texts("Trade grew 2.5 times. 2016 was worse. He said “we will go.” Then they left! Why? Nobody knows.")).toEqual([
      "Trade grew 2.5 times.",
      "2016 was worse.",
      'He said "we will go."',
      "Then they left!",
      "Why?",
      "Nobody knows.",
    ]);
  });

  it("are at every paragraph end, with Windows and old Mac line breaks too", () => {
    for (const eol of ["\n", "\r\n", "\r"])
      expect(texts(["Heading", "", "First one. Second one"].join(eol)), JSON.stringify(eol)).toEqual([
        "Heading",
        "First one.",
        "Second one",
      ]);
  });
});

describe("the build refuses a quote of more than one sentence", () => {
  const BODY = "  Russia and Japan held their first 2+2 meeting in Tokyo on November 2, 2013.\n";
  const ADDED =
    "  Dr. A. B. Writer of the U.S. Institute said Japan “will act.” Russia disagreed. Paper No. 5 says Japan grew 2.5 times.\n";

  function corpusWithQuote(quote: string): string {
    const dir = copyCorpus();
    replaceInFile(dir, "articles/a1.yaml", BODY, BODY + ADDED);
    replaceInFile(dir, "triples/a1.yaml", "quote: Japanese Foreign Minister Fumio Kishida\n", `quote: '${quote.replace(/'/g, "''")}'\n`);
    return dir;
  }

  it("at the triple's line, saying where the sentence ends", () => {
    const dir = corpusWithQuote("meeting in Tokyo on November 2, 2013. Dr. A. B. Writer of the U.S. Institute");
    expect(problemsOf(dir)).toEqual([
      `${where(dir, "triples/a1.yaml", lineOf(dir, "triples/a1.yaml", "- subject: fumio-kishida"))} quote spans two sentences: ` +
        `"meeting in Tokyo on November 2, 2013." ends one at character 37 of the quote and "Dr. A. B. Writer of the U.S. Institute" begins the next; ` +
        "a quote is one sentence or less",
    ]);
  });

  it("a long quote is named by the words around the sentence end only", () => {
    const dir = corpusWithQuote(
      "Dr. A. B. Writer of the U.S. Institute said Japan “will act.” Russia disagreed. Paper No. 5 says Japan grew 2.5 times.",
    );
    const [problem] = problemsOf(dir);
    // 40 characters on either side of the end, not the whole quote.
    expect(problem).toContain(
      `quote spans two sentences: "…he U.S. Institute said Japan "will act."" ends one at character 61 of the quote ` +
        `and "Russia disagreed. Paper No. 5 says Japan…" begins the next`,
    );
  });

  it.each([
    ["titles, initials and U.S.", "Dr. A. B. Writer of the U.S. Institute said Japan “will act.”"],
    ["a quote that ends inside a quotation", "said Japan “will act."],
    ["No. 5 and 2.5", "Paper No. 5 says Japan grew 2.5 times."],
  ])("accepts %s within one sentence", (_, quote) => {
    expect(problemsOf(corpusWithQuote(quote))).toEqual([]);
  });
});
