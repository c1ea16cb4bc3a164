import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boxesOverlap, discInBox, placeLabels, shortenLabel, type LabelCandidate } from "../../src/core/label-placement";

const right = (key: string, x: number, y: number, w = 60, h = 16): LabelCandidate => ({
  key,
  own: key,
  options: [
    { text: 0, x: x + 6, y: y - h / 2, w, h },
    { text: 0, x: x - 6 - w, y: y - h / 2, w, h },
  ],
});

describe("placeLabels", () => {
  it("places labels in priority order and drops one whose every box is taken", () => {
    const placed = placeLabels([right("a", 100, 100), right("b", 100, 104), right("c", 300, 100)], [], { width: 800, height: 600 });
    // b's right box collides with a's; its left box is free.
    expect(placed.map((p) => p.key)).toEqual(["a", "b", "c"]);
    expect(placed[1]!.box.x).toBeLessThan(100);
    const crowded = placeLabels([right("a", 100, 100), right("b", 100, 104), right("x", 100, 102)], [], { width: 800, height: 600 });
    expect(crowded.map((p) => p.key)).toEqual(["a", "b"]);
  });

  it("keeps labels off other actors' discs, but not off their own", () => {
    const discs = [
      { key: "a", x: 100, y: 100, r: 5 },
      { key: "z", x: 130, y: 100, r: 8 },
    ];
    const [a] = placeLabels([right("a", 100, 100)], discs, { width: 800, height: 600 });
    expect(a!.box.x).toBeLessThan(100); // right would cover z
  });

  it("draws a label that must show even over a disc, never over another label", () => {
    const discs = [
      { key: "l", x: 30, y: 100, r: 30 },
      { key: "r", x: 170, y: 100, r: 30 },
    ];
    const must = { ...right("m", 100, 100), mustShow: true };
    expect(placeLabels([must], discs, { width: 800, height: 600 }).map((p) => p.key)).toEqual(["m"]);
    expect(placeLabels([right("m", 100, 100)], discs, { width: 800, height: 600 })).toEqual([]);
    const first = right("first", 100, 100);
    expect(placeLabels([first, { ...right("m", 100, 100), mustShow: true }], [], { width: 800, height: 600 }).map((p) => p.key)).toEqual([
      "first",
      "m",
    ]);
  });

  it("keeps out of blocked areas and off the edges of the screen", () => {
    const placed = placeLabels([right("a", 100, 10), right("b", 790, 300)], [], {
      width: 800,
      height: 600,
      blocked: [{ x: 0, y: 0, w: 800, h: 30 }],
    });
    expect(placed.map((p) => p.key)).toEqual(["b"]);
    expect(placed[0]!.box.x + placed[0]!.box.w).toBeLessThanOrEqual(800);
  });

  it("never places two overlapping labels, whatever the input", () => {
    const candidate = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      w: fc.integer({ min: 5, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 80 }), (list) => {
        const placed = placeLabels(
          list.map((c, i) => right(`n${i}`, c.x, c.y, c.w)),
          list.map((c, i) => ({ key: `n${i}`, x: c.x, y: c.y, r: 3 })),
          { width: 400, height: 300 },
        );
        for (let i = 0; i < placed.length; i++)
          for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!.box, placed[j]!.box)).toBe(false);
        for (const p of placed)
          for (const [i, c] of list.entries())
            if (`n${i}` !== p.key) expect(discInBox({ key: "", x: c.x, y: c.y, r: 3 }, p.box)).toBe(false);
      }),
    );
  });
});

describe("shortenLabel", () => {
  it("cuts at a word boundary with an ellipsis, never mid-word", () => {
    expect(shortenLabel("Joint statement of 5 November 2024")).toBe("Joint statement of 5…");
    expect(shortenLabel("Japan")).toBeNull();
    expect(shortenLabel("Supercalifragilisticexpialidocious")).toBeNull();
    expect(shortenLabel("Northern Territories / southern Kuril Islands")).toBe("Northern Territories…");
  });
});
