import { describe, expect, it } from "vitest";
import { BASE_CURVATURE, edgeProgramType, parallelCurvature } from "../../src/sigma/edge-curvature";

describe("parallelCurvature", () => {
  it("keeps a lone edge straight", () => {
    expect(parallelCurvature(0, 0)).toBe(0);
    expect(parallelCurvature(1, 0)).toBe(0);
  });

  it("gives parallel edges distinct curvatures, symmetric around the straight line", () => {
    const max = 2;
    const values = [-2, -1, 0, 1, 2].map((i) => parallelCurvature(i, max));
    expect(new Set(values).size).toBe(5);
    expect(values[0]).toBeCloseTo(-values[4]!);
    expect(values[1]).toBeCloseTo(-values[3]!);
    expect(values[2]).toBe(0);
  });

  it("saturates, so many parallels stay within a few base curvatures", () => {
    expect(Math.abs(parallelCurvature(40, 40))).toBeLessThanOrEqual(3 * BASE_CURVATURE);
    expect(parallelCurvature(40, 40)).toBeGreaterThan(parallelCurvature(2, 2));
  });
});

describe("edgeProgramType", () => {
  it("draws arrows only for directed relations, curves only for parallels", () => {
    expect(edgeProgramType(true, false)).toBe("straightArrow");
    expect(edgeProgramType(true, true)).toBe("curvedArrow");
    expect(edgeProgramType(false, false)).toBe("straightLine");
    expect(edgeProgramType(false, true)).toBe("curvedLine");
  });
});
