import { describe, expect, it } from "vitest";
import { BAND, layoutBands, wrap } from "../../src/core/export/bands";

const measure = (t: string, size: number) => t.length * size * 0.6;

describe("wrap", () => {
  it("wraps at spaces so every line fits, and loses no word", () => {
    const text = "Sources: Japan tests West's boycott of Russia (Asia Times, 2015); Russo-Japanese Different Dreams (2017-03-22)";
    const lines = wrap(text, 200, (t) => measure(t, 11));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line, 11)).toBeLessThanOrEqual(200);
    expect(lines.join(" ")).toBe(text);
  });
});

describe("layoutBands", () => {
  it("puts nothing in a band that has nothing to say", () => {
    expect(layoutBands({ width: 600 }, measure)).toMatchObject({ top: 0, bottom: 0 });
  });

  it("wraps legend items into rows inside the width, and stacks the source lines below them", () => {
    const legend = Array.from({ length: 12 }, (_, i) => ({ label: `kind number ${i}`, colors: ["#000"], shape: "dot" as const }));
    const bands = layoutBands({ width: 400, title: "A title", legend, source: ["x ".repeat(200)] }, measure);
    expect(bands.top).toBeGreaterThan(0);
    for (const item of bands.legend) expect(item.x).toBeGreaterThanOrEqual(BAND.pad);
    const rows = new Set(bands.legend.map((i) => i.y));
    expect(rows.size).toBeGreaterThan(1);
    const lastLegend = Math.max(...bands.legend.map((i) => i.y));
    expect(Math.min(...bands.source.map((s) => s.y))).toBeGreaterThan(lastLegend);
    expect(bands.bottom).toBeGreaterThan(Math.max(...bands.source.map((s) => s.y)));
  });
});
