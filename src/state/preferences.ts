/**
 * A reader's preferences, remembered in this browser (localStorage) and not
 * in links: how the evidence is grouped and sorted, how playback steps, and
 * the colour scheme when the reader chose one. A link shows a view; how the
 * person who opens it likes to read is theirs. Read defensively: a value
 * another version wrote, or a hand-edited one, falls back to the default.
 */
import { EVIDENCE_GROUPINGS, EVIDENCE_SORTS, type EvidenceGrouping, type EvidenceSort } from "../core/evidence";

export type PlayStep = "relations" | "year";
export const PLAY_STEPS: readonly PlayStep[] = ["relations", "year"];
/** Milliseconds per step of playback a reader can choose. */
export const PLAY_PACES: readonly number[] = [2000, 1000, 500];

export interface Preferences {
  evidenceGroupBy: EvidenceGrouping;
  evidenceSort: EvidenceSort;
  playStep: PlayStep;
  playPace: number;
  /** The scheme the reader chose with the toggle; null follows the system. */
  scheme: "light" | "dark" | null;
}

export const DEFAULT_PREFERENCES: Preferences = {
  evidenceGroupBy: "relation",
  evidenceSort: "date",
  playStep: "relations",
  playPace: 1000,
  scheme: null,
};

export const PREFERENCES_KEY = "kg-explorer.preferences";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Storage can be refused (privacy settings, sandboxed frames).
    return null;
  }
}

const oneOf =
  <T>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);

const RULES: { [K in keyof Preferences]: (v: unknown) => v is Preferences[K] } = {
  evidenceGroupBy: oneOf(EVIDENCE_GROUPINGS),
  evidenceSort: oneOf(EVIDENCE_SORTS),
  playStep: oneOf(PLAY_STEPS),
  playPace: oneOf(PLAY_PACES),
  scheme: oneOf(["light", "dark", null] as const),
};

/** The preferences stored as JSON text, each member checked; anything unreadable gives the default. */
export function parsePreferences(text: string | null): Preferences {
  let raw: unknown;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    raw = null;
  }
  const out = { ...DEFAULT_PREFERENCES };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return out;
  const record = raw as Record<string, unknown>;
  for (const name of Object.keys(RULES) as (keyof Preferences)[]) {
    if (Object.hasOwn(record, name) && RULES[name](record[name])) (out as Record<string, unknown>)[name] = record[name];
  }
  return out;
}

export function readPreferences(): Preferences {
  try {
    return parsePreferences(storage()?.getItem(PREFERENCES_KEY) ?? null);
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

export function writePreferences(preferences: Preferences): void {
  try {
    storage()?.setItem(PREFERENCES_KEY, JSON.stringify(preferences));
  } catch {
    // A full or refused storage only means the choice is not remembered.
  }
}
