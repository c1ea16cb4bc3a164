/**
 * The story player: the entry of `story-player.js`, which the build makes
 * next to the app (vite.config.ts) and a story's HTML export inlines with its
 * graph (src/core/export/story-html.ts). It reads the graph from the page
 * itself, opens on the story's first step (or `#step=N`), and shows the
 * embed's layout: the graph with the caption card, the legend and the time
 * bar. It fetches nothing and writes no address: a file has no server to
 * ask and no history to share.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { STORY_DATA_ID } from "./core/export/story-html";
import { parseStep, splitPlayerParams } from "./core/story-link";
import type { GraphFile } from "./model/graph-file-schema";
import { readStories } from "./model/story";
import { dispatch } from "./state";
import { prepareGraphFile } from "./state/load-graph";
import { EmbedLayout } from "./views/EmbedLayout";
import "./styles.css";

function open(): void {
  const text = document.getElementById(STORY_DATA_ID)?.textContent ?? "";
  let file: GraphFile;
  try {
    file = JSON.parse(text) as GraphFile;
    const loaded = prepareGraphFile(file, { kind: "built", name: String(file.attributes?.name ?? "story") });
    const { graph } = loaded;
    const [story] = readStories(graph.getAttribute("stories"), { hasNode: (k) => graph.hasNode(k), hasEdge: (k) => graph.hasEdge(k) });
    const asked = parseStep(splitPlayerParams(location.search, location.hash).params.step, story?.steps.length ?? 0);
    const step = asked ?? 0;
    dispatch({
      type: "loaded",
      data: loaded,
      view: story?.steps[step]?.view,
      playing: story ? { id: story.id, step, draft: false } : null,
    });
  } catch (err) {
    dispatch({ type: "loadFailed", error: `This story file holds no readable graph: ${(err as Error).message}` });
  }
}

dispatch({ type: "setPageMode", mode: "file" });
open();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <EmbedLayout />
  </StrictMode>,
);
