import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { exportFileName } from "../../src/core/export/filename";
import { slugify } from "../../src/model/text";

const at = new Date(2026, 10, 26, 5, 41); // local time, as the name is

describe("exportFileName", () => {
  test("the documented example", () => {
    expect(exportFileName({ corpus: "Russia–Japan relations", time: { from: "2013", to: "2016" }, filtered: true, at, ext: "gexf" })).toBe(
      "russia-japan-relations_2013-2016_filtered_2026-11-26T0541.gexf",
    );
  });

  test("time windows: open, half-open, one year, finer dates", () => {
    const name = (from: string | null, to: string | null) =>
      exportFileName({ corpus: "c", time: { from, to }, filtered: false, at, ext: ".CSV" });
    expect(name(null, null)).toBe("c_2026-11-26T0541.csv");
    expect(exportFileName({ corpus: "c", time: { from: null, to: null }, filtered: false, at, ext: "../kgsnap..JSON" })).toBe(
      "c_2026-11-26T0541.kgsnap.json",
    );
    expect(name("2014", null)).toBe("c_from-2014_2026-11-26T0541.csv");
    expect(name(null, "2016-02")).toBe("c_to-2016-02_2026-11-26T0541.csv");
    expect(name("2014", "2014")).toBe("c_2014_2026-11-26T0541.csv");
    expect(name("2014-03-01", "2016")).toBe("c_2014-03-01--2016_2026-11-26T0541.csv");
  });

  test("slugs: accents dropped, symbols collapsed, empty names fall back", () => {
    expect(slugify("Ça va? Überraschung!  ÆON / 2024")).toBe("ca-va-uberraschung-aeon-2024");
    expect(slugify("Łódź, Øresund, Straße")).toBe("lodz-oresund-strasse");
    expect(exportFileName({ corpus: "日本", time: { from: null, to: null }, filtered: false, at, ext: "svg" })).toBe(
      "graph_2026-11-26T0541.svg",
    );
    expect(slugify("x".repeat(100))).toHaveLength(60);
  });

  test("any input gives a safe name", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.string()),
        fc.option(fc.string()),
        fc.boolean(),
        fc.string(),
        (corpus, from, to, filtered, ext) => {
          const name = exportFileName({ corpus, time: { from, to }, filtered, at, ext });
          expect(name).toMatch(/^[a-z0-9][a-z0-9._-]*_\d{4}-\d{2}-\d{2}T\d{4}(\.[a-z0-9.]+)?$/);
          expect(name).not.toMatch(/\.\./);
        },
      ),
    );
  });
});
