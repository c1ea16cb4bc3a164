import { describe, expect, it, vi } from "vitest";

// sigma's programs read WebGL constants when their module loads.
vi.hoisted(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebGLRenderingContext ??= class {
    static FLOAT = 5126;
    static UNSIGNED_BYTE = 5121;
    static TRIANGLES = 4;
  };
  g.WebGL2RenderingContext ??= class {};
});
const { dimmableShader, dimmableEdgeProgramClasses, dimmableNodeProgramClasses } = await import("../../src/sigma/programs");

const SOURCE = `attribute vec4 a_color;
void main() {
  gl_Position = vec4(
    (u_matrix * vec3(position, 1)).xy,
    0,
    1
  );
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
}`;

describe("dimmableShader", () => {
  it("dims the colour of what is not lit while a highlight is on, and leaves picking alone", () => {
    const out = dimmableShader(SOURCE, false);
    expect(out.startsWith("attribute float a_lit;")).toBe(true);
    expect(out).toContain("v_color = mix(a_color, u_dimColor, u_dim * (1.0 - a_lit));");
    expect(out).toContain("v_color = a_id;");
    expect(out).toContain("    0,\n    1\n  );");
  });

  it("pushes a dimmed relation behind the lit ones", () => {
    expect(dimmableShader(SOURCE, true)).toContain(", u_dim * (1.0 - a_lit) * 0.5, 1);");
  });

  it("refuses a shader it cannot dim rather than drawing it undimmed", () => {
    expect(() => dimmableShader("void main() {}", false)).toThrow(/no colour/);
  });

  it("wraps every program the app draws with", () => {
    expect(Object.keys(dimmableEdgeProgramClasses).sort()).toEqual(["curvedArrow", "curvedLine", "straightArrow", "straightLine"]);
    expect(Object.keys(dimmableNodeProgramClasses)).toEqual(["circle"]);
  });
});
