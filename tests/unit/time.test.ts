import { describe, expect, it } from "vitest";
import {
  datedOutline,
  evidenceInWindow,
  histogramByYear,
  isOpenWindow,
  overlaps,
  undatedRelations,
  windowTest,
  yearRange,
} from "../../src/core/time";
import { dateSpan, isPartialDate, yearOf } from "../../src/model/dates";
import { makeGraph, sampleGraph, type EdgeSpec } from "./helpers/graphs";

const win = (from: string | null, to: string | null) => ({ from, to });

describe("dateSpan", () => {
  it("spans a whole year for a year", () => {
    expect(dateSpan("2017")).toEqual({ start: "2017-01-01", end: "2017-12-31" });
  });

  it("spans a whole month for a month, leap years included", () => {
    expect(dateSpan("2017-02")).toEqual({ start: "2017-02-01", end: "2017-02-28" });
    expect(dateSpan("2016-02")).toEqual({ start: "2016-02-01", end: "2016-02-29" });
    expect(dateSpan("2000-02")?.end).toBe("2000-02-29");
    expect(dateSpan("1900-02")?.end).toBe("1900-02-28");
    expect(dateSpan("2017-04")?.end).toBe("2017-04-30");
    expect(dateSpan("2017-12")).toEqual({ start: "2017-12-01", end: "2017-12-31" });
  });

  it("does not read years 0–99 as 1900–1999", () => {
    expect(dateSpan("0004-02")?.end).toBe("0004-02-29");
    expect(dateSpan("0100-02")?.end).toBe("0100-02-28");
  });

  it("is one day for a day", () => {
    expect(dateSpan("2017-02-14")).toEqual({ start: "2017-02-14", end: "2017-02-14" });
    expect(dateSpan("2016-02-29")).toEqual({ start: "2016-02-29", end: "2016-02-29" });
  });

  it("is null for what is not a calendar date", () => {
    for (const bad of [
      "",
      "17",
      "2017-1",
      "2017-13",
      "2017-00",
      "2017-02-30",
      "2017-02-29",
      "2017-04-31",
      "2017-1-01",
      "abcd",
      " 2017",
      "2017-02-14T00:00",
    ]) {
      expect(dateSpan(bad), bad).toBeNull();
      expect(isPartialDate(bad), bad).toBe(false);
    }
    expect(isPartialDate("2017-02-28")).toBe(true);
  });
});

describe("overlaps", () => {
  it("takes partial bounds inclusively: from 2013 to 2013 is the whole of 2013", () => {
    const y2013 = win("2013", "2013");
    expect(overlaps("2013-01-01", y2013)).toBe(true);
    expect(overlaps("2013-12-31", y2013)).toBe(true);
    expect(overlaps("2013", y2013)).toBe(true);
    expect(overlaps("2013-07", y2013)).toBe(true);
    expect(overlaps("2012-12-31", y2013)).toBe(false);
    expect(overlaps("2014-01-01", y2013)).toBe(false);
    expect(overlaps("2014", y2013)).toBe(false);
  });

  it("keeps a coarse date whose span meets the window", () => {
    const march = win("2017-03", "2017-03");
    expect(overlaps("2017", march)).toBe(true);
    expect(overlaps("2017-03", march)).toBe(true);
    expect(overlaps("2017-03-31", march)).toBe(true);
    expect(overlaps("2017-02", march)).toBe(false);
    expect(overlaps("2017-02-28", march)).toBe(false);
    expect(overlaps("2017-04-01", march)).toBe(false);
    expect(overlaps("2016", march)).toBe(false);
  });

  it("handles one-sided windows", () => {
    expect(overlaps("2013", win("2013-06", null))).toBe(true);
    expect(overlaps("2013-05", win("2013-06", null))).toBe(false);
    expect(overlaps("2099", win("2013-06", null))).toBe(true);
    expect(overlaps("2013-06-30", win(null, "2013-06"))).toBe(true);
    expect(overlaps("2013-07-01", win(null, "2013-06"))).toBe(false);
    expect(overlaps("1066", win(null, "2013-06"))).toBe(true);
  });

  it("keeps everything in an open window and nothing in an inverted one", () => {
    expect(overlaps("2017", win(null, null))).toBe(true);
    expect(overlaps("not a date", win(null, null))).toBe(true);
    expect(overlaps("2017", win("2018", "2016"))).toBe(false);
    expect(overlaps("2016-06", win("2018", "2016"))).toBe(false);
  });

  it("rejects an unreadable date in a closed window and treats an unreadable bound as open", () => {
    expect(overlaps("someday", win("2013", null))).toBe(false);
    expect(overlaps("2001", win("garbage", "2013"))).toBe(true);
    expect(overlaps("2014", win("garbage", "2013"))).toBe(false);
    expect(isOpenWindow(win("garbage", null))).toBe(true);
    expect(isOpenWindow(win(null, "2013"))).toBe(false);
  });

  it("agrees with windowTest", () => {
    const test = windowTest(win("2014-03", "2015"));
    for (const date of ["2014", "2014-02", "2014-03-01", "2015-12-31", "2016"]) {
      expect(test(date), date).toBe(overlaps(date, win("2014-03", "2015")));
    }
  });
});

describe("evidenceInWindow", () => {
  it("keeps the entries that may fall in the window, in order", () => {
    const evidence = [
      { article: "a", quote: "q1", date: "2013" },
      { article: "b", quote: "q2", date: "2014-02" },
      { article: "c", quote: "q3", date: "2014-03-02" },
      { article: "d", quote: "q4", date: "2015" },
    ];
    expect(evidenceInWindow(evidence, win("2014-03", "2014-12")).map((e) => e.article)).toEqual(["c"]);
    expect(evidenceInWindow(evidence, win("2014", "2014")).map((e) => e.article)).toEqual(["b", "c"]);
    expect(evidenceInWindow(evidence, win(null, null))).toEqual(evidence);
  });
});

describe("yearOf and yearRange", () => {
  it("reads the year of a partial date", () => {
    expect(yearOf("2017")).toBe(2017);
    expect(yearOf("2017-03")).toBe(2017);
    expect(yearOf("1999-12-31")).toBe(1999);
    expect(yearOf("2017-02-30")).toBeNull();
    expect(yearOf("x")).toBeNull();
  });

  it("spans all evidence dates, not only the edges' first dates", () => {
    expect(yearRange(sampleGraph())).toEqual({ from: 2000, to: 2022 });
    const g = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
      ],
      edges: [["a", "sanctions", "b", ["x", "2010"], ["y", "2019-05"]]],
    });
    expect(yearRange(g)).toEqual({ from: 2010, to: 2019 });
  });

  it("is null without evidence", () => {
    expect(yearRange(makeGraph({ nodes: [["a", "country"]], edges: [] }))).toBeNull();
  });
});

describe("histogramByYear", () => {
  const g = makeGraph({
    nodes: [
      ["a", "country"],
      ["b", "country"],
      ["c", "person"],
    ],
    edges: [
      // Two entries in 2014: still one relation in 2014; and again in 2016.
      ["a", "sanctions", "b", ["x", "2014-03"], ["y", "2014"], ["y", "2016-01-02"]],
      ["a", "meets", "b", ["x", "2014-05"]],
      ["c", "leads", "a", ["z", "2012"]],
      ["b", "criticises", "a", ["z", "2016"]],
    ],
  });

  it("counts each relation once per year it has evidence in, by family, with every year present", () => {
    expect(histogramByYear(g)).toEqual([
      { year: 2012, cooperation: 0, conflict: 0, neutral: 1 },
      { year: 2013, cooperation: 0, conflict: 0, neutral: 0 },
      { year: 2014, cooperation: 1, conflict: 1, neutral: 0 },
      { year: 2015, cooperation: 0, conflict: 0, neutral: 0 },
      { year: 2016, cooperation: 0, conflict: 2, neutral: 0 },
    ]);
  });

  it("counts only the visible relations but keeps the whole graph's years", () => {
    expect(histogramByYear(g, new Set(["a>meets>b"]))).toEqual([
      { year: 2012, cooperation: 0, conflict: 0, neutral: 0 },
      { year: 2013, cooperation: 0, conflict: 0, neutral: 0 },
      { year: 2014, cooperation: 1, conflict: 0, neutral: 0 },
      { year: 2015, cooperation: 0, conflict: 0, neutral: 0 },
      { year: 2016, cooperation: 0, conflict: 0, neutral: 0 },
    ]);
  });

  it("is empty for a graph without relations", () => {
    expect(histogramByYear(makeGraph({ nodes: [["a", "country"]], edges: [] }))).toEqual([]);
  });
});

describe("undatedRelations and datedOutline", () => {
  it("counts the relations no window can place", () => {
    const graph = sampleGraph();
    expect(undatedRelations(graph)).toBe(0);
    graph.setEdgeAttribute("japan>meets>usa", "evidence", []);
    graph.setEdgeAttribute("usa>member-of>nato", "evidence", [{ article: "a3", date: "someday", quote: "q" }]);
    expect(undatedRelations(graph)).toBe(2);
    expect(undatedRelations(graph, new Set(["japan>meets>usa"]))).toBe(1);
  });

  it("names the years that hold most relations when a few outliers stretch the span", () => {
    const edges: EdgeSpec[] = [["a", "meets", "b", ["x", "1951"]]];
    for (let i = 0; i < 30; i++) edges.push(["a", "meets", "b", ["x", String(2013 + (i % 12))], { key: `e${i}` }]);
    const graph = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
      ],
      edges,
    });
    expect(datedOutline(graph)).toEqual({ first: 1951, last: 2024, main: { from: 2013, to: 2024 }, before: 1, after: 0 });
  });

  it("keeps the whole span when no part is a small outlier, and is null without dates", () => {
    const graph = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
      ],
      edges: [
        ["a", "meets", "b", ["x", "1990"], { key: "e1" }],
        ["a", "meets", "b", ["x", "2020"], { key: "e2" }],
      ],
    });
    expect(datedOutline(graph)).toMatchObject({ main: { from: 1990, to: 2020 }, before: 0, after: 0 });
    graph.forEachEdge((e) => graph.setEdgeAttribute(e, "evidence", []));
    expect(datedOutline(graph)).toBe(null);
  });

  it("outlines the curated corpus as the corpus title does", () => {
    // Shape of the corpus: 4 relations before 2013 (1951, 1956) and 251 from 2013 to 2024.
    const edges: EdgeSpec[] = [];
    const add = (year: number, n: number) => {
      for (let i = 0; i < n; i++) edges.push(["a", "meets", "b", ["x", String(year)], { key: `${year}-${i}` }]);
    };
    add(1951, 1);
    add(1956, 3);
    add(2013, 40);
    add(2024, 211);
    const graph = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
      ],
      edges,
    });
    expect(datedOutline(graph)).toEqual({ first: 1951, last: 2024, main: { from: 2013, to: 2024 }, before: 4, after: 0 });
  });
});
