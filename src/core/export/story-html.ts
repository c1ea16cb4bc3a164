/**
 * A story as one self-contained HTML file: the story player's script and
 * styles (the build's `story-player.js` and `.css`, see vite.config.ts) and
 * the graph with its story, all inline, so the file plays from a disk, a
 * mail attachment or any host, with no request at all. Its
 * Content-Security-Policy allows nothing from outside the file.
 *
 * The graph is JSON in a `<script type="application/json">` element, which
 * the browser never runs; every "<" in it is written `\u003c`, so no text
 * of the data (a quote, a label) can close the element or open a tag.
 */

/** The element the player reads the graph from. */
export const STORY_DATA_ID = "kg-story-data";

/** Nothing leaves the file: its own inline script and styles, images it draws, downloads it makes. */
export const STORY_FILE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; " +
  "font-src 'none'; worker-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

export interface StoryHtmlParts {
  title: string;
  /** The player's script (one module that imports nothing), as built. */
  script: string;
  /** The player's styles, as built. */
  css: string;
  /** The graph file (graph.json's shape) with the story in its `stories`. */
  graph: unknown;
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Text that may sit inside a `<script>` or `<style>` element. "</" and the
 * element's name would end it: a backslash before the slash means the same
 * to JavaScript (in a string, a template, a regular expression or a comment)
 * and to CSS. In a script, "<!--" would make the HTML parser look for
 * "-->" before it lets "</script>" end the element: "\u0021" is "!" in all
 * of those places (the bundle is a module, where "<!--" is never a comment).
 */
function inlineSafe(text: string, element: "script" | "style"): string {
  const closed = text.replace(new RegExp(`</(${element})`, "gi"), "<\\/$1");
  return element === "script" ? closed.replace(/<!--/g, "<\\u0021--") : closed;
}

/** JSON that no HTML parser can end early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function storyHtml({ title, script, css, graph }: StoryHtmlParts): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="UTF-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${STORY_FILE_CSP}" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeText(title)}</title>`,
    `<style>${inlineSafe(css, "style")}</style>`,
    "</head>",
    "<body>",
    '<div id="root"></div>',
    `<script type="application/json" id="${STORY_DATA_ID}">${jsonForScript(graph)}</script>`,
    `<script type="module">${inlineSafe(script, "script")}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
