/** Chrome traces as both readers of them (curated.ts, profile.ts) see them. */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { data?: { message?: string } };
}

/** The events of a trace, whether saved as `{ traceEvents: [...] }` or as a bare array. */
export function traceEvents(trace: Buffer | string): TraceEvent[] {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}
