/**
 * Helpers for the export and import end-to-end tests: export through the
 * Export menu and catch the download, open a file with "Open…" or by dropping
 * it on the graph, read the app's notices, and keep a copy of what was
 * exported next to the screenshots (test-results/screenshots/, git-ignored).
 *
 *     const png = await exportFile(page, "PNG image", { scale: 2, title: "Talks" });
 *     await openFile(page, { name: "graph.gexf", text: gexf });
 *     await noticeNamed(page, "status", "Opened the GEXF file").waitFor();
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { PNG } from "pngjs";
import type { KgWindow } from "./app-handle";
import { SCREENSHOT_DIR } from "./browser";
import { settle } from "./graph-helpers";

/** A downloaded file. */
export interface Exported {
  /** The name the app gave it (`<a download>`). */
  name: string;
  bytes: Buffer;
  /** The bytes as UTF-8 (BOM kept). */
  text: string;
}

/** Choices of the PNG/SVG options dialog; what is left out stays at the dialog's default. */
export interface ImageChoices {
  title?: string;
  scale?: 1 | 2 | 4;
  background?: "white" | "transparent";
  legend?: boolean;
  source?: boolean;
}

/** A file to hand to the page. */
export interface FileToOpen {
  name: string;
  /** Text content (UTF-8). */
  text: string;
  mimeType?: string;
}

/** Waits until nothing is busy: no progress note and no export pending. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as KgWindow).__kg?.getState() as { ui: { busy: string | null } } | undefined;
      return !!s && s.ui.busy === null;
    },
    null,
    { polling: 50 },
  );
}

/**
 * Dismisses every notice. Notices sit above the graph and push it down, so
 * tests that compare sizes start without any; waits until the resized graph is drawn.
 */
export async function dismissNotices(page: Page): Promise<void> {
  await page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg!;
    const { notices } = (kg.getState() as { ui: { notices: { id: number }[] } }).ui;
    for (const n of notices) kg.dispatch({ type: "dismiss", id: n.id } as { type: string });
  });
  await settle(page);
}

/** The notice (a `<p>` of the status or alert list) whose text contains `text`. */
export function noticeNamed(page: Page, role: "status" | "alert", text: string): Locator {
  return page.locator(".notices").getByRole(role).locator("p", { hasText: text });
}

/**
 * Exports through the UI: "Export", then the menu item whose name starts
 * with `item` ("PNG image", "GEXF", …); for images ("PNG…", "SVG…"), the
 * options dialog is filled in with `image` and its Download button pressed.
 * Notices are dismissed first, so every export starts from the same layout.
 * Resolves with the downloaded file once the app is idle again.
 */
export async function exportFile(page: Page, item: string, image?: ImageChoices): Promise<Exported> {
  await idle(page);
  await dismissNotices(page);
  if (/^(PNG|SVG)/.test(item)) image ??= {};
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const entry = page.getByRole("menu", { name: "Export formats" }).getByRole("menuitem", { name: new RegExp(`^${item}`) });
  let trigger: Locator = entry;
  if (image) {
    await entry.click();
    const dialog = page.getByRole("dialog", { name: /^Export (PNG|SVG)$/ });
    await dialog.waitFor({ state: "visible" });
    if (image.title !== undefined) await dialog.getByRole("textbox", { name: "Title" }).fill(image.title);
    if (image.scale !== undefined) await dialog.getByRole("radio", { name: `${image.scale}×` }).check();
    if (image.background !== undefined) await dialog.getByRole("radio", { name: image.background }).check();
    if (image.legend !== undefined) await dialog.getByRole("checkbox", { name: "Legend" }).setChecked(image.legend);
    if (image.source !== undefined) await dialog.getByRole("checkbox", { name: /^Sources/ }).setChecked(image.source);
    trigger = dialog.getByRole("button", { name: /^Download / });
  }
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), trigger.click()]);
  const path = await download.path();
  const failure = await download.failure();
  if (failure) throw new Error(`The download of ${download.suggestedFilename()} failed: ${failure}`);
  const bytes = readFileSync(path);
  await idle(page);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString("utf8") };
}

/** Keeps a copy of an exported file as test-results/screenshots/<name>; returns its path. */
export function keepCopy(name: string, bytes: Buffer | string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name.replace(/[^\w.-]+/g, "_")}`;
  writeFileSync(path, bytes);
  return path;
}

/** Opens `file` as a user choosing it with "Open…" would: through the app's file input. */
export async function openFile(page: Page, file: FileToOpen): Promise<void> {
  await idle(page);
  await page.getByLabel("Open a graph file").setInputFiles({
    name: file.name,
    mimeType: file.mimeType ?? "application/octet-stream",
    buffer: Buffer.from(file.text, "utf8"),
  });
}

/**
 * Drops `file` on the graph, as dragging it from a file manager would: a
 * `dragover` then a `drop` carrying it in a DataTransfer, dispatched on the
 * element at the middle of the graph (they bubble to the graph column).
 * Tells whether the page accepted the drag (`dragover` default prevented)
 * and handled the drop.
 */
export async function dropFile(page: Page, file: FileToOpen): Promise<{ accepted: boolean; handled: boolean; target: string }> {
  await idle(page);
  return page.evaluate(
    ({ name, text, type }) => {
      const graph = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
      const target = document.elementFromPoint(graph.left + graph.width / 2, graph.top + graph.height / 2)!;
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type }));
      const over = new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data });
      target.dispatchEvent(over);
      const drop = new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data });
      target.dispatchEvent(drop);
      const where = target.closest(".graph-column") ? "inside .graph-column" : "outside .graph-column";
      return { accepted: over.defaultPrevented, handled: drop.defaultPrevented, target: `${target.tagName.toLowerCase()} ${where}` };
    },
    { name: file.name, text: file.text, type: file.mimeType ?? "" },
  );
}

/** Lowercase ASCII words joined by "-", accents dropped: how a corpus name should appear in a file name. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Decodes PNG bytes into a `PNG` instance, which the pixel helpers of
 * browser.ts take as already decoded (`PNG.sync.read` returns a plain object
 * that they would try to decode again): decode a large export once, count many times.
 */
export function decodeImage(bytes: Buffer): PNG {
  const decoded = PNG.sync.read(bytes);
  const image = new PNG({ width: decoded.width, height: decoded.height });
  decoded.data.copy(image.data);
  return image;
}
