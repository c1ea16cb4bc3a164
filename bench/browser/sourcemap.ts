/**
 * Just enough of source map v3 to say which original file a position of a
 * bundle comes from: the profiles attribute time to `src/…` files and to
 * packages (`sigma`, `react-dom`, …) instead of lines of one big bundle.
 */

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one segment's base64 VLQ fields. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

export interface SourceMapV3 {
  sources: string[];
  mappings: string;
  sourceRoot?: string;
}

/** Maps (line, column) of the generated file (both 0-based) to a source path, or undefined. */
export class SourceLookup {
  /** Per generated line: ascending [generatedColumn, sourceIndex]. */
  private readonly lines: [number, number][][] = [];

  constructor(private readonly map: SourceMapV3) {
    let source = 0;
    for (const line of map.mappings.split(";")) {
      const segments: [number, number][] = [];
      let column = 0;
      for (const seg of line.split(",")) {
        if (!seg) continue;
        const f = decodeVlq(seg);
        column += f[0]!;
        if (f.length >= 4) {
          source += f[1]!;
          // f[2], f[3]: original line and column deltas; only the file is needed here.
          segments.push([column, source]);
        }
      }
      this.lines.push(segments);
    }
  }

  source(line: number, column: number): string | undefined {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return undefined;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid]![0] <= column) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const seg = segments[found < 0 ? 0 : found]!;
    return this.map.sources[seg[1]];
  }
}

/** "sigma", "@sigma/edge-curve", "react-dom" for a dependency; "src/core/filters.ts" for the project's own files. */
export function sourceGroup(path: string): string {
  const clean = path.replace(/^(\.\.\/)+/, "").replace(/^\/+/, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(clean);
  if (pkg) return pkg[1]!;
  const own = /(?:^|\/)((?:src|bench)\/.*)$/.exec(clean);
  return own ? own[1]! : clean;
}
