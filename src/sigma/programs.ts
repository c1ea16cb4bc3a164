/**
 * The programs that draw actors and relations. The plain ones (sigma's and
 * @sigma/edge-curve's) are shared with the benchmark's floor page; the app
 * draws with dimmable versions of the same programs.
 *
 * A dimmable program reads one more attribute per item, `a_lit` (the
 * display data's `lit`), and two uniforms: whether a highlight is on, and the
 * colour the rest recedes to. So a hover changes only the items whose `lit`
 * flag changes (a neighbourhood, refreshed with sigma's partial refresh) and
 * one uniform, instead of every item of the graph. Relations are also given a
 * depth from the flag, so a dimmed relation drawn after a lit one never cuts
 * across it (the depth test keeps the lit one in front).
 */
import { createEdgeCurveProgram, EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { Attributes } from "graphology-types";
import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  EdgeArrowProgram,
  EdgeRectangleProgram,
  getAttributesItemsCount,
  NodeCircleProgram,
} from "sigma/rendering";
import type { EdgeProgramType, NodeProgramType } from "sigma/rendering";

export const edgeProgramClasses = {
  straightArrow: EdgeArrowProgram,
  straightLine: EdgeRectangleProgram,
  curvedArrow: EdgeCurvedArrowProgram,
  curvedLine: createEdgeCurveProgram({ arrowHead: null }),
};

/** What the dimmable programs read each frame: set by the rendering before sigma draws. */
export const dimming = {
  /** 1 while a highlight is on: what is not lit recedes. */
  on: 0,
  /** The colours the rest recedes to, as RGBA in [0, 1]. */
  node: [0.89, 0.9, 0.91, 1] as [number, number, number, number],
  edge: [0.93, 0.94, 0.95, 1] as [number, number, number, number],
};

/** "#rrggbb" → RGBA in [0, 1]. */
export function rgba(hex: string): [number, number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [0.5, 0.5, 0.5, 1];
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255, 1];
}

interface Definition {
  VERTEX_SHADER_SOURCE: string;
  UNIFORMS: string[];
  ATTRIBUTES: { name: string; size: number; type: number; normalized?: boolean }[];
  CONSTANT_ATTRIBUTES?: unknown[];
}

interface ProgramInfo {
  gl: WebGLRenderingContext | WebGL2RenderingContext;
  uniformLocations: Record<string, WebGLUniformLocation>;
  isPicking: boolean;
}

/** What the wrapper needs of a sigma program class. */
interface ProgramInternals {
  array: Float32Array;
  getDefinition(): Definition;
  processVisibleItem(...args: unknown[]): void;
  setUniforms(params: unknown, info: ProgramInfo): void;
  drawWebGL(method: number, info: ProgramInfo): void;
}
type ProgramClass = new (...args: never[]) => unknown;

const LIT_DECLARATIONS = "attribute float a_lit;\nuniform float u_dim;\nuniform vec4 u_dimColor;\n";

/** The vertex shader with the colour dimmed when the item is not lit, and (for relations) pushed back in depth. */
export function dimmableShader(source: string, depth: boolean): string {
  if (!source.includes("v_color = a_color;")) throw new Error("dimmable program: no colour assignment to dim");
  // Declared first, outside any #ifdef of the source (picking and normal modes both read the flag).
  let out = `${LIT_DECLARATIONS}${source}`;
  out = out.replace("v_color = a_color;", "v_color = mix(a_color, u_dimColor, u_dim * (1.0 - a_lit));");
  if (depth) {
    const positioned = /gl_Position = vec4\(([\s\S]*?),\s*0,\s*1\s*\);/;
    if (!positioned.test(out)) throw new Error("dimmable program: no position to give a depth");
    out = out.replace(positioned, "gl_Position = vec4($1, u_dim * (1.0 - a_lit) * 0.5, 1);");
  }
  return out;
}

function dimmable<T extends ProgramClass>(Base: T, kind: "node" | "edge"): T {
  const Parent = Base as unknown as (new (...args: unknown[]) => ProgramInternals) & { prototype: ProgramInternals };
  // The definition does not depend on an instance: read it from the prototype, before any WebGL context exists.
  const probe = Parent.prototype.getDefinition.call(Parent.prototype);
  if (!probe.CONSTANT_ATTRIBUTES) throw new Error("dimmable program: only instanced programs are supported");
  // The parent writes its attributes first, in order; the flag comes right after them.
  const offset = getAttributesItemsCount(probe.ATTRIBUTES);
  class Dimmable extends Parent {
    override getDefinition(): Definition {
      const def = super.getDefinition();
      return {
        ...def,
        VERTEX_SHADER_SOURCE: dimmableShader(def.VERTEX_SHADER_SOURCE, kind === "edge"),
        UNIFORMS: [...def.UNIFORMS, "u_dim", "u_dimColor"],
        ATTRIBUTES: [...def.ATTRIBUTES, { name: "a_lit", size: 1, type: WebGLRenderingContext.FLOAT }],
      };
    }
    override processVisibleItem(...args: unknown[]): void {
      super.processVisibleItem(...args);
      const data = args[args.length - 1] as Attributes;
      // Absent (a picture's copy, drawn with its colours already dimmed): lit, so nothing is dimmed twice.
      this.array[(args[1] as number) + offset] = data.lit === 0 ? 0 : 1;
    }
    override setUniforms(params: unknown, info: ProgramInfo): void {
      super.setUniforms(params, info);
      const { gl, uniformLocations } = info;
      gl.uniform1f(uniformLocations.u_dim!, dimming.on);
      gl.uniform4fv(uniformLocations.u_dimColor!, kind === "node" ? dimming.node : dimming.edge);
    }
    override drawWebGL(method: number, info: ProgramInfo): void {
      if (kind === "node" || info.isPicking) return super.drawWebGL(method, info);
      const { gl } = info;
      gl.enable(gl.DEPTH_TEST);
      gl.depthFunc(gl.LEQUAL);
      super.drawWebGL(method, info);
      gl.disable(gl.DEPTH_TEST);
    }
  }
  return Dimmable as unknown as T;
}

/** The app's programs: the same shapes, dimmable. */
export const dimmableNodeProgramClasses: Record<string, NodeProgramType> = {
  circle: dimmable(NodeCircleProgram, "node"),
};

export const dimmableEdgeProgramClasses: Record<keyof typeof edgeProgramClasses, EdgeProgramType> = {
  straightArrow: createEdgeCompoundProgram([dimmable(createEdgeClampedProgram(), "edge"), dimmable(createEdgeArrowHeadProgram(), "edge")]),
  straightLine: dimmable(EdgeRectangleProgram, "edge"),
  curvedArrow: dimmable(EdgeCurvedArrowProgram, "edge"),
  curvedLine: dimmable(createEdgeCurveProgram({ arrowHead: null }), "edge"),
};
