/**
 * A story's exports as commands, with progress and a message at the end,
 * as run.ts does for a view: the step on screen as a PNG, every step as
 * PNGs in a .zip, the whole story as one HTML file. The work loads on first use.
 */
import { stepTitle, type Story } from "../../model/story";
import { dispatch, store } from "../../state";
import { runExport } from "./run";
import { DEFAULT_IMAGE } from "./types";

/** The step on screen as a PNG, with the story, the step and its caption in the title band. */
export function exportStepPng(story: Story, index: number): void {
  runExport("png", { ...DEFAULT_IMAGE, scale: 2, title: stepTitle(story, index) });
}

function runStoryExport(label: string, make: (work: typeof import("./story")) => Promise<{ blob: Blob; name: string }>): void {
  if (store.getState().ui.busy !== null) return;
  dispatch({ type: "setBusy", busy: `Exporting ${label}…` });
  const work = async () => {
    try {
      const [story, { download }] = await Promise.all([import("./story"), import("./index")]);
      const file = await make(story);
      download(file);
      dispatch({ type: "notify", role: "status", text: `Exported ${file.name}.` });
    } catch (err) {
      dispatch({ type: "notify", role: "alert", text: `The ${label} export failed: ${(err as Error).message}.` });
    } finally {
      dispatch({ type: "setBusy", busy: null });
    }
  };
  requestAnimationFrame(() => setTimeout(() => void work(), 0));
}

/** Every step of the story as a PNG, in one .zip. */
export function exportStepPngs(story: Story, draft: boolean): void {
  runStoryExport("the steps as PNG", (w) => w.stepPngsFile(story, draft));
}

/** The story as one self-contained HTML file that plays offline. */
export function exportStoryHtml(story: Story): void {
  runStoryExport("the story as HTML", (w) => w.storyHtmlFile(story));
}
