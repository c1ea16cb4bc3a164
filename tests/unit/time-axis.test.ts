import { describe, expect, it } from "vitest";
import { axisTicks, playNext, playStart, stepYear, timeAxis, yearAt, yearPosition, type TimeAxis } from "../../src/core/time-axis";

/** The curated corpus's years: a treaty of 1951, the declaration of 1956, then 2013–2024 with gaps in 2020, 2021 and 2023. */
const CORPUS_YEARS = [1951, 1956, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2022, 2024];
const axis = timeAxis(CORPUS_YEARS)!;

describe("timeAxis", () => {
  it("starts and ends where the relations do, compressing long empty runs into one marked slot", () => {
    expect(axis.first).toBe(1951);
    expect(axis.last).toBe(2024);
    expect(axis.slots.filter((s) => s.kind === "gap").map((s) => (s.kind === "gap" ? [s.from, s.to] : null))).toEqual([
      [1952, 1955],
      [1957, 2012],
    ]);
    // Short runs (2020–2021, 2023) stay as empty years, so the years around them keep their places.
    expect(axis.stops).toEqual([1951, 1956, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(axis.total).toBe(16);
  });

  it("gives 2013–2024 most of the bar, not its last sixth", () => {
    expect(1 - yearPosition(axis, 2013, "start")).toBeGreaterThan(0.7);
  });

  it("keeps a window of one year between two distinct handle positions", () => {
    for (const year of axis.stops) expect(yearPosition(axis, year, "end") - yearPosition(axis, year, "start")).toBeCloseTo(1 / axis.total);
  });

  it("places a year inside a compressed run within that run's slot, in order", () => {
    const a = yearPosition(axis, 1960, "start");
    const b = yearPosition(axis, 2000, "start");
    expect(a).toBeGreaterThan(yearPosition(axis, 1956, "end") - 1e-9);
    expect(b).toBeGreaterThan(a);
    expect(b).toBeLessThan(yearPosition(axis, 2013, "start"));
    expect(yearPosition(axis, 1900, "start")).toBe(0);
    expect(yearPosition(axis, 2100, "end")).toBe(1);
  });

  it("is null without years, and a single year fills the bar", () => {
    expect(timeAxis([])).toBe(null);
    const one = timeAxis([2017])!;
    expect([yearPosition(one, 2017, "start"), yearPosition(one, 2017, "end")]).toEqual([0, 1]);
  });

  it("honours the options", () => {
    expect(timeAxis([2000, 2003], { minGap: 2 })!.slots.map((s) => s.kind)).toEqual(["year", "gap", "year"]);
    expect(timeAxis([2000, 2003], { minGap: 3 })!.slots.map((s) => s.kind)).toEqual(["year", "year", "year", "year"]);
    expect(timeAxis([2000, 2010], { gapWidth: 2 })!.total).toBe(4);
  });
});

describe("yearAt and stepYear", () => {
  it("finds the year whose start or end is nearest a point of the bar", () => {
    for (const year of axis.stops) {
      expect(yearAt(axis, yearPosition(axis, year, "start") + 0.001, "start")).toBe(year);
      expect(yearAt(axis, yearPosition(axis, year, "end") - 0.001, "end")).toBe(year);
    }
    expect(yearAt(axis, -1, "start")).toBe(1951);
    expect(yearAt(axis, 2, "end")).toBe(2024);
  });

  it("steps from stop to stop, jumping over compressed runs and staying on the axis", () => {
    expect(stepYear(axis, 1951, 1)).toBe(1956);
    expect(stepYear(axis, 1956, 1)).toBe(2013);
    expect(stepYear(axis, 2013, -1)).toBe(1956);
    expect(stepYear(axis, 2019, 1)).toBe(2020);
    expect(stepYear(axis, 2024, 1)).toBe(2024);
    expect(stepYear(axis, 1951, -1)).toBe(1951);
    expect(stepYear(axis, 2013, 100)).toBe(2024);
    // From a year of a link that is not a stop, the first step goes to the stop on that side.
    expect(stepYear(axis, 1990, 1)).toBe(2013);
    expect(stepYear(axis, 1990, -1)).toBe(1956);
    expect(stepYear(axis, 1990, 0)).toBe(1990);
  });
});

describe("axisTicks", () => {
  const labels = (a: TimeAxis, width: number) =>
    axisTicks(a, width)
      .filter((t) => t.label)
      .map((t) => t.year);

  it("ticks every year slot, and labels the ends and the first year after a compressed run first", () => {
    const ticks = axisTicks(axis, 160);
    expect(ticks.map((t) => t.year)).toEqual(axis.stops);
    expect(labels(axis, 160)).toEqual(expect.arrayContaining([1951, 2013, 2024]));
  });

  it("never puts two labels closer than the minimum, and labels more as the bar widens", () => {
    for (const width of [120, 300, 700, 1400]) {
      const xs = axisTicks(axis, width)
        .filter((t) => t.label)
        .map((t) => t.at * width);
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!, `width ${width}`).toBeGreaterThanOrEqual(38);
    }
    expect(labels(axis, 700).length).toBeGreaterThan(labels(axis, 300).length);
    expect(labels(axis, 1400)).toEqual(axis.stops);
  });

  it("prefers round years once the ends are placed", () => {
    const decades = timeAxis([
      1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009,
    ])!;
    expect(labels(decades, 260)).toEqual([1990, 1995, 2000, 2005, 2009]);
  });
});

describe("playback", () => {
  const steps = CORPUS_YEARS;

  it("from all years begins at the first year that holds a relation, and reaches 2013 in two steps", () => {
    const start = playStart({ from: 1951, to: 2024, open: true }, steps)!;
    expect(start).toEqual({ from: 1951, to: 1951 });
    const one = playNext(start, steps)!;
    const two = playNext(one, steps)!;
    expect([one, two]).toEqual([
      { from: 1956, to: 1956 },
      { from: 2013, to: 2013 },
    ]);
  });

  it("steps only through the years that hold relations, and stops at the last", () => {
    const seen: number[] = [];
    for (let w = playStart({ from: 0, to: 0, open: true }, steps); w; w = playNext(w, steps)) seen.push(w.to);
    expect(seen).toEqual(steps);
  });

  it("slides a wider window by its end, keeping its width, and goes on from where a window stands", () => {
    expect(playStart({ from: 2015, to: 2017, open: false }, steps)).toEqual({ from: 2015, to: 2017 });
    expect(playNext({ from: 2015, to: 2017 }, steps)).toEqual({ from: 2016, to: 2018 });
    expect(playNext({ from: 2017, to: 2019 }, steps)).toEqual({ from: 2020, to: 2022 });
    // A window at the end starts again from the first step with its width.
    expect(playStart({ from: 2022, to: 2024, open: false }, steps)).toEqual({ from: 1951, to: 1953 });
    expect(playNext({ from: 2024, to: 2024 }, steps)).toBe(null);
    expect(playStart({ from: 0, to: 0, open: true }, [])).toBe(null);
  });
});
