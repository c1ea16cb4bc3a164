/**
 * The real corpus, built through the build's API, holds the relations a careful
 * reader of each article would call essential, each with evidence from that
 * article; and opinions, plans and possibilities are not recorded as facts.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGraph, type BuildResult } from "../../graph/build/index";
import { normalizeText } from "../../src/model/text";
import type { Evidence } from "../../src/model/graph-file";

const REAL = join(__dirname, "..", "..", "graph", "corpus");

const A000 = "000_0f16215c25df77a8";
const A001 = "001_7cdcb5092991387d";
const A002 = "002_2a6272635f2b44f6";
const A003 = "003_2841f2a1df42bc26";
const A004 = "004_7f7b37a8c87dad85";

let built: BuildResult;

beforeAll(() => {
  built = buildGraph(REAL, { iterations: 5 });
});

/** The evidence of the edge subject–relation–object (either way round when the relation is undirected). */
function evidence(subject: string, relation: string, object: string): Evidence[] {
  const { graph } = built;
  const out: Evidence[] = [];
  const pairs: [string, string][] = [[subject, object]];
  const rel = built.corpus.relations.find((r) => r.id === relation);
  if (rel && !rel.directed) pairs.push([object, subject]);
  for (const [s, o] of pairs) {
    if (!graph.hasNode(s) || !graph.hasNode(o)) continue;
    for (const e of graph.edges(s, o)) {
      const attrs = graph.getEdgeAttributes(e);
      if (attrs.relation === relation) out.push(...attrs.evidence);
    }
  }
  return out;
}

/** Asserts the edge exists and some evidence comes from `article` (with a date starting `date`, if given). */
function expectEdge(article: string, subject: string, relation: string, object: string, date?: string): void {
  const ev = evidence(subject, relation, object);
  const label = `${subject} ${relation} ${object}`;
  expect(ev.length, `no edge ${label}`).toBeGreaterThan(0);
  const fromArticle = ev.filter((e) => e.article === article);
  expect(fromArticle.length, `${label} has no evidence from ${article}`).toBeGreaterThan(0);
  if (date)
    expect(
      fromArticle.map((e) => e.date),
      `${label} dated ${date} in ${article}`,
    ).toContain(date);
  for (const e of fromArticle) {
    const body = built.corpus.articles.find((a) => a.id === article)!.body;
    expect(normalizeText(body)).toContain(e.quote);
  }
}

function expectNoEdge(subject: string, relation: string, object: string): void {
  expect(evidence(subject, relation, object), `unexpected edge ${subject} ${relation} ${object}`).toEqual([]);
}

describe("the real corpus builds", () => {
  it("with all five articles and no warnings", () => {
    expect(built.corpus.articles.map((a) => a.id).sort()).toEqual([A000, A001, A002, A003, A004]);
    expect(built.warnings).toEqual([]);
  });
});

describe(`${A000} (Mainichi, 2 Sep 2019): Japan cautious about a Japan-Russia-India framework`, () => {
  it("Japan is cautious about the framework because it could provoke the US", () => {
    expectEdge(A000, "japan", "concerned-about", "japan-russia-india-framework");
    expectEdge(A000, "japan-russia-india-framework", "could-provoke", "united-states");
    expectEdge(A000, "japan-mofa", "concerned-about", "japan-russia-india-framework");
  });
  it("Abe meets Putin and is close to Modi, who visited him in October 2018", () => {
    expectEdge(A000, "shinzo-abe", "meets", "vladimir-putin");
    expectEdge(A000, "shinzo-abe", "partners-with", "narendra-modi");
    expectEdge(A000, "narendra-modi", "visits", "shinzo-abe", "2018-10");
    expectEdge(A000, "japan-msdf", "partners-with", "indian-navy", "2018-10");
  });
  it("Japan has no peace treaty with Russia over the Northern Territories", () => {
    expectEdge(A000, "japan", "no-peace-treaty", "russia");
    expectEdge(A000, "japan", "disputes-with", "russia");
  });
  it("Japan and the US back the Indo-Pacific vision; Russia is wary of it and partners China", () => {
    expectEdge(A000, "japan", "allied-with", "united-states");
    expectEdge(A000, "united-states", "leads", "free-and-open-indo-pacific");
    expectEdge(A000, "russia", "concerned-about", "free-and-open-indo-pacific");
    expectEdge(A000, "russia", "partners-with", "china");
    expectEdge(A000, "india", "joint-exercise", "united-states");
  });
  it("records India joining the economic program as a possibility only", () => {
    expectEdge(A000, "india", "could-join", "economic-cooperation-program");
    expectNoEdge("india", "participates-in", "economic-cooperation-program");
  });
});

describe(`${A001} (4 Nov 2013): the first Russia-Japan 2+2 in Tokyo`, () => {
  const ministers: [string, string][] = [
    ["sergei-lavrov", "russia"],
    ["sergei-shoigu", "russia"],
    ["fumio-kishida", "japan"],
    ["itsunori-onodera", "japan"],
  ];
  it("relates the four ministers to each other on 2 November 2013", () => {
    for (let i = 0; i < ministers.length; i++)
      for (let j = i + 1; j < ministers.length; j++) expectEdge(A001, ministers[i]![0], "meets", ministers[j]![0], "2013-11-02");
  });
  it("relates each minister to the format and to their country", () => {
    for (const [m, country] of ministers) {
      expectEdge(A001, m, "participates-in", "japan-russia-2plus2", "2013-11-02");
      expectEdge(A001, m, "holds-office", country);
    }
  });
  it("relates the two countries, with Tokyo as host", () => {
    expectEdge(A001, "russia", "meets", "japan", "2013-11-02");
    expectEdge(A001, "japan", "hosts", "japan-russia-2plus2", "2013-11-02");
    expectEdge(A001, "russia", "agrees-with", "japan", "2013-11-02");
    expectEdge(A001, "japan", "allied-with", "united-states");
    expectEdge(A001, "sergei-lavrov", "reassures", "japan");
  });
  it("records the Northern Islands dispute and China's view", () => {
    expectEdge(A001, "japan", "disputes-with", "russia");
    expectEdge(A001, "japan", "claims", "northern-territories");
    expectEdge(A001, "china", "concerned-about", "japan-russia-2plus2");
    expectEdge(A001, "shinzo-abe", "meets", "vladimir-putin", "2013");
  });
});

describe(`${A002} (22 Mar 2017): the 2+2 of Monday 20 March 2017`, () => {
  it("Inada protests to Shoygu about the militarization of the Northern Territory", () => {
    expectEdge(A002, "tomomi-inada", "protests", "sergei-shoigu", "2017-03-20");
    expectEdge(A002, "japan", "protests", "russia", "2017-03-20");
    expectEdge(A002, "russia", "deploys-to", "northern-territories", "2017-03-20");
    expectEdge(A002, "japan", "claims", "northern-territories");
  });
  it("records the missile plan for Kunashiri and Etorofu as a plan", () => {
    expectEdge(A002, "sergei-shoigu", "plans-deployment-to", "kunashiri");
    expectEdge(A002, "sergei-shoigu", "plans-deployment-to", "etorofu");
    expectEdge(A002, "kunashiri", "part-of", "northern-territories");
    expectNoEdge("russia", "deploys-to", "kunashiri");
    expectNoEdge("sergei-shoigu", "deploys-to", "kunashiri");
  });
  it("the foreign ministers meet and the governments agree on North Korea and travel", () => {
    expectEdge(A002, "fumio-kishida", "meets", "sergei-lavrov", "2017-03-20");
    expectEdge(A002, "japan", "agrees-with", "russia", "2017-03-20");
    expectEdge(A002, "sergei-lavrov", "demands", "japan");
    expectEdge(A002, "sergei-shoigu", "concerned-about", "united-states");
  });
  it("Abe plans to meet Putin in late April 2017; Japan is a G7 member", () => {
    expectEdge(A002, "shinzo-abe", "plans-visit", "vladimir-putin", "2017-04");
    expectEdge(A002, "japan", "member-of", "g7");
  });
});

describe(`${A003} (Asia Times, 2015): Japan tests West's boycott of Russia`, () => {
  it("Abe phones Putin", () => {
    expectEdge(A003, "shinzo-abe", "phones", "vladimir-putin");
    expectEdge(A003, "vladimir-putin", "plans-visit", "japan");
  });
  it("Japan closed ranks with the West and sanctioned Russia", () => {
    expectEdge(A003, "japan", "sanctions", "russia");
    expectEdge(A003, "japan", "supports", "the-west");
    expectEdge(A003, "the-west", "sanctions", "russia");
  });
  it("the Kurile Islands are under Russian occupation and disputed", () => {
    expectEdge(A003, "russia", "controls", "northern-territories");
    expectEdge(A003, "japan", "disputes-with", "russia");
    expectEdge(A003, "russia", "deploys-to", "northern-territories", "2015-04");
  });
  it("Japan hosts the 2016 G7 summit; Russia's participation is only a possibility", () => {
    expectEdge(A003, "japan", "hosts", "g7", "2016-05");
    expectEdge(A003, "russia", "could-join", "g7");
    expectNoEdge("russia", "participates-in", "g7");
    expectNoEdge("russia", "member-of", "g7");
  });
  it("Moscow seeks Japanese investment; European G7 states joined the AIIB", () => {
    expectEdge(A003, "russia", "seeks-investment-from", "japan");
    expectEdge(A003, "united-kingdom", "member-of", "aiib");
    expectEdge(A003, "germany", "rebuffs", "shinzo-abe");
    expectEdge(A003, "china", "partners-with", "russia");
  });
});

describe(`${A004} (Nov 2024): Russia-Japan relations after the invasion of Ukraine`, () => {
  it("Japan sanctions Russia; Russia lists Japan as unfriendly and breaks off the treaty talks", () => {
    expectEdge(A004, "japan", "sanctions", "russia", "2022-02-25");
    expectEdge(A004, "russia", "lists-unfriendly", "japan");
    expectEdge(A004, "russia", "discontinues-talks", "japan", "2022");
    expectEdge(A004, "russia", "invades", "ukraine", "2022-02-24");
    expectEdge(A004, "russia", "annexes", "crimea");
  });
  it("Russia and China exercise together in Ocean-2024", () => {
    expectEdge(A004, "russia", "joint-exercise", "china", "2024-09");
    expectEdge(A004, "russia", "hosts", "ocean-2024", "2024-09");
    expectEdge(A004, "china", "participates-in", "ocean-2024", "2024-09");
  });
  it("the Kuril Islands: held by Russia, claimed by both", () => {
    expectEdge(A004, "russia", "controls", "northern-territories");
    expectEdge(A004, "japan", "claims", "northern-territories");
    expectEdge(A004, "russia", "claims", "northern-territories");
  });
  it("Freedom Edge, and Russia's objection to it and to the US-led groupings", () => {
    expectEdge(A004, "japan", "joint-exercise", "south-korea");
    expectEdge(A004, "united-states", "hosts", "freedom-edge");
    expectEdge(A004, "russia", "opposes", "freedom-edge");
    expectEdge(A004, "russia", "opposes", "aukus");
    expectEdge(A004, "australia", "member-of", "aukus");
  });
  it("North Korean troops in Russia and the joint statement of 5 November 2024", () => {
    expectEdge(A004, "north-korea", "deploys-to", "russia");
    expectEdge(A004, "japan", "concerned-about", "north-korea");
    expectEdge(A004, "japan", "condemns", "russia", "2024-11-05");
    expectEdge(A004, "japan", "signs", "joint-statement-2024-11-05", "2024-11-05");
    expectEdge(A004, "joint-statement-2024-11-05", "condemns", "north-korea", "2024-11-05");
    expectEdge(A004, "north-korea", "supplies-arms-to", "russia");
  });
  it("Russia's views are recorded as accusations and concerns, not facts", () => {
    expectEdge(A004, "russia", "condemns", "nato");
    expectEdge(A004, "russia", "concerned-about", "united-states");
    // "US intermediate and short-range missiles may be placed in Japan" is Russia's apprehension.
    expect(evidence("united-states", "deploys-to", "japan").filter((e) => e.article === A004)).toEqual([]);
  });
  it("Trump is the re-elected US president", () => {
    expectEdge(A004, "trump", "leads", "united-states");
    expectEdge(A004, "trump", "opposes", "china");
  });
});
