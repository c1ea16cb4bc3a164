/**
 * A new article's text as paragraphs, from a paste, a .txt or an .html file.
 * Paragraphs are separated by blank lines; a text without any blank line has
 * one paragraph per line. HTML gives one paragraph per block element
 * (p, headings, list items, quotes, table cells), scripts and styles dropped.
 */

/** Paragraphs of plain text, trimmed, inner whitespace kept (the body is verbatim). */
export function textParagraphs(text: string): string[] {
  const unix = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
  const blocks = /\n[ \t]*\n/.test(unix) ? unix.split(/\n[ \t]*\n+/) : unix.split("\n");
  return blocks.map((p) => p.replace(/[ \t]+$/gm, "").trim()).filter((p) => p.length > 0);
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dt, dd, figcaption";

/** Paragraphs of an HTML document, parsed inertly (DOMParser runs no script and loads nothing). */
export function htmlParagraphs(html: string, parser: DOMParser = new DOMParser()): string[] {
  const doc = parser.parseFromString(html, "text/html");
  for (const el of Array.from(doc.querySelectorAll("script, style, noscript, template, svg, iframe, object"))) el.remove();
  const blocks = Array.from(doc.body.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
  const texts = blocks.length > 0 ? blocks.map((el) => el.textContent ?? "") : [doc.body.textContent ?? ""];
  return texts.flatMap((t) => textParagraphs(t.replace(/\s*\n\s*/g, " ")));
}

/** Whether a file's name or type says HTML. */
export function isHtml(name: string, type: string): boolean {
  return /\.html?$/i.test(name) || type === "text/html";
}
