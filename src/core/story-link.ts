/**
 * The parts of a link that are not the view: which story is playing and at
 * which step (`story=…&step=…`), and whether the page is embedded
 * (`embed=1`). They are read apart from the view (url-state.ts) because they
 * are not part of it: a story step *is* a view, so a view that held a story
 * position would hold itself; a snapshot or an export keeps what is shown,
 * not where a reader was in a story; and an embedded page shows the same
 * view as the full explorer. This module takes its parameters out of the
 * address before the view is decoded, and puts them back after it is encoded.
 */

/** The link's story position and page mode. `step` is as written (1-based), checked by the caller against the story. */
export interface PlayerParams {
  story: string | null;
  step: string | null;
  embed: boolean;
}

export const PLAYER_PARAMS = ["story", "step", "embed"] as const;

export interface SplitLink {
  params: PlayerParams;
  /** The search and hash with the player parameters taken out, for decodeView. */
  search: string;
  hash: string;
  /** One note per player parameter that could not be read. */
  ignored: string[];
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** Takes `story`, `step` and `embed` out of a search (`?…`) and a hash (`#…`); the query string wins over the hash. */
export function splitPlayerParams(search: string, hash: string): SplitLink {
  const params: PlayerParams = { story: null, step: null, embed: false };
  const found = new Set<string>();
  const ignored: string[] = [];
  const take = (text: string): string => {
    const kept: string[] = [];
    for (const piece of text.split("&")) {
      if (piece === "") continue;
      const eq = piece.indexOf("=");
      const name = decode(eq < 0 ? piece : piece.slice(0, eq));
      if (name === null || !(PLAYER_PARAMS as readonly string[]).includes(name)) {
        kept.push(piece);
        continue;
      }
      if (found.has(name)) continue;
      found.add(name);
      const value = decode(eq < 0 ? "" : piece.slice(eq + 1));
      if (name === "embed") {
        if (value === "1") params.embed = true;
        else if (value !== "0") ignored.push(`invalid value in 'embed'`);
      } else if (value === null || value === "") ignored.push(`empty or malformed value in '${name}'`);
      else params[name as "story" | "step"] = value;
    }
    return kept.join("&");
  };
  const rest = take(search.replace(/^\?/, ""));
  const hashText = hash.replace(/^#/, "").replace(/^\/?\??/, "");
  const hashRest = hashText.includes("=") ? take(hashText) : hashText;
  return { params, search: rest ? `?${rest}` : "", hash: hashRest ? `#${hashRest}` : "", ignored };
}

/** A step as written in a link: a whole number from 1 to `count`, else null. */
export function parseStep(text: string | null, count: number): number | null {
  if (text === null || !/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= count ? n - 1 : null;
}

/**
 * A query string of the view (encodeView's, "" or "?…") with the player
 * parameters after it: the story and its step (1-based), and `embed=1`.
 */
export function withPlayerParams(query: string, position: { story: string; step: number } | null, embed: boolean): string {
  const parts = query.replace(/^\?/, "") === "" ? [] : [query.replace(/^\?/, "")];
  if (position) parts.push(`story=${encodeURIComponent(position.story)}`, `step=${position.step + 1}`);
  if (embed) parts.push("embed=1");
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
