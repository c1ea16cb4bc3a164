/**
 * A story's exports: every step as a PNG (drawn by the PNG export, one
 * step after the other, in one .zip), and the whole story as one HTML file
 * that plays offline (core/export/story-html.ts) with the story player the
 * build puts next to the app. Loaded on first use.
 */
import { storyHtml } from "../../core/export/story-html";
import { zipStored, type ZipEntry } from "../../core/export/zip";
import { stepTitle, storyRecord, type Story } from "../../model/story";
import { store } from "../../state";
import { showStep } from "../../state/story-player";
import { cameraSettled, getRenderer } from "../renderer";
import { renderPng } from "./png";
import { exportContextNow } from "./run";
import type { ExportContext } from "./shape";
import { DEFAULT_IMAGE } from "./types";

/** Where the build puts the story player, next to index.html. */
export const PLAYER_SCRIPT = "./story-player.js";
export const PLAYER_STYLES = "./story-player.css";

async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`the story player (${url}) could not be fetched`);
  }
  if (!response.ok)
    throw new Error(
      `the story player is not part of this page (${url}: HTTP ${response.status}); it comes with the built app ("npm run build", "npm run preview")`,
    );
  return response.text();
}

/** The story as one HTML file: the player, its styles and the graph with this story alone. */
export async function storyHtmlFile(story: Story): Promise<{ blob: Blob; name: string }> {
  const data = store.getState().data.loaded;
  if (!data) throw new Error("no graph is open");
  const [script, css] = await Promise.all([fetchText(PLAYER_SCRIPT), fetchText(PLAYER_STYLES)]);
  const file = data.graph.export();
  const graph = { ...file, attributes: { ...file.attributes, stories: [storyRecord(story)] } };
  const html = storyHtml({ title: story.title, script, css, graph });
  return { blob: new Blob([html], { type: "text/html;charset=utf-8" }), name: `${story.id}.html` };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves once the camera has stopped and two frames have drawn what the state holds. */
async function settled(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const renderer = getRenderer();
    if (renderer && !renderer.sigma.getCamera().isAnimated() && cameraSettled()) break;
    await frame();
  }
  await frame();
  await frame();
}

function contextNow(): ExportContext {
  const ctx = exportContextNow();
  if (!ctx) throw new Error("the graph is not drawn");
  return ctx;
}

/**
 * Every step as a PNG, in one .zip: each step is shown, drawn and exported
 * in turn, then the reader is put back on the step they were on.
 */
export async function stepPngsFile(story: Story, draft: boolean): Promise<{ blob: Blob; name: string }> {
  const back = store.getState().story.playing;
  const entries: ZipEntry[] = [];
  try {
    for (let i = 0; i < story.steps.length; i++) {
      showStep(story, i, draft);
      await settled();
      const png = await renderPng(contextNow(), { ...DEFAULT_IMAGE, scale: 2, title: stepTitle(story, i) });
      entries.push({ name: `${story.id}-step-${String(i + 1).padStart(2, "0")}.png`, bytes: new Uint8Array(await png.arrayBuffer()) });
    }
  } finally {
    showStep(story, back && back.id === story.id ? back.step : 0, draft);
  }
  const zip = zipStored(entries);
  return { blob: new Blob([zip.buffer as ArrayBuffer], { type: "application/zip" }), name: `${story.id}-steps.zip` };
}
