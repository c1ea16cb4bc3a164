import { describe, expect, it } from "vitest";
import { CROWD_DEFAULTS, thinCrowd } from "../../src/core/label-crowd";
import { seededRandom } from "../../src/core/random";

interface Item {
  key: string;
  x: number;
  y: number;
  size: number;
  must?: boolean;
}

const compare = (a: Item, b: Item) => b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const cellOf = (i: Item) => `${Math.floor(i.x / CROWD_DEFAULTS.cellWidth)},${Math.floor(i.y / CROWD_DEFAULTS.cellHeight)}`;

function crowd(n: number, seed: number): Item[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    key: `n${i}`,
    x: random() * 1280,
    y: random() * 800,
    size: Math.floor(random() * 50),
    must: i % 997 === 0,
  }));
}

describe("thinCrowd", () => {
  const items = crowd(50_000, 7);
  const kept = thinCrowd(items, { width: 1280, height: 800, compare, always: (i) => i.must === true });

  it("keeps what the screen can label, not the whole crowd", () => {
    const cells = Math.ceil(1280 / CROWD_DEFAULTS.cellWidth) * Math.ceil(800 / CROWD_DEFAULTS.cellHeight);
    const must = items.filter((i) => i.must).length;
    expect(kept.length).toBeLessThanOrEqual(cells * CROWD_DEFAULTS.perCell + must);
    expect(kept.length).toBeGreaterThan(cells); // every cell of a full screen keeps some
  });

  it("keeps, in each cell, exactly the best of that cell, and every item that must show", () => {
    const keptKeys = new Set(kept.map((i) => i.key));
    for (const item of items) if (item.must) expect(keptKeys.has(item.key)).toBe(true);
    const byCell = new Map<string, Item[]>();
    for (const item of items.filter((i) => !i.must)) byCell.set(cellOf(item), [...(byCell.get(cellOf(item)) ?? []), item]);
    for (const list of byCell.values()) {
      const best = [...list].sort(compare).slice(0, CROWD_DEFAULTS.perCell);
      const keptHere = list.filter((i) => keptKeys.has(i.key));
      expect(keptHere.map((i) => i.key).sort()).toEqual(best.map((i) => i.key).sort());
    }
  });

  it("keeps a sparse screen whole", () => {
    const sparse = [
      { key: "a", x: 10, y: 10, size: 1 },
      { key: "b", x: 600, y: 400, size: 2 },
      { key: "c", x: 1200, y: 790, size: 3 },
    ];
    expect(
      thinCrowd(sparse, { width: 1280, height: 800, compare })
        .map((i) => i.key)
        .sort(),
    ).toEqual(["a", "b", "c"]);
  });

  it("anchors what lies off screen in the nearest cell", () => {
    const off = [
      { key: "a", x: -150, y: -40, size: 1 },
      { key: "b", x: 5, y: 5, size: 2 },
    ];
    expect(thinCrowd(off, { width: 1280, height: 800, compare, perCell: 1 }).map((i) => i.key)).toEqual(["b"]);
  });
});
