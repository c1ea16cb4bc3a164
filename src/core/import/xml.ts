/**
 * XML parsing with a verdict. xmldom, unlike a browser's DOMParser, keeps
 * going after most errors and hands back whatever it managed to build, so a
 * truncated file would otherwise load as a smaller graph without a word.
 *
 * xmldom is used in the browser too (graphology-gexf's default entry brings
 * it, since the package has no "browser" field): one parser everywhere means
 * the tests exercise what users run.
 */
import { DOMParser } from "@xmldom/xmldom";

export class XmlError extends Error {}

/** The index just past the next `token` from `from`, or -1. */
function after(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at === -1 ? -1 : at + token.length;
}

/**
 * The root element's name, read from the start of the text without parsing
 * it all: past the XML declaration, processing instructions, comments and a
 * doctype. Null when the text does not start like markup.
 */
export function rootElementName(text: string): string | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    let end: number;
    if (text.startsWith("<?", i)) end = after(text, "?>", i);
    else if (text.startsWith("<!--", i)) end = after(text, "-->", i);
    else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      const subset = text.indexOf("[", i);
      const close = text.indexOf(">", i);
      end = subset !== -1 && subset < close ? after(text, "]>", subset) : after(text, ">", i);
    } else break;
    if (end === -1) return null; // the prolog never ends
    i = end;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200))?.[1] ?? null;
}

/** Parses `text`, or throws an XmlError whose message is one sentence saying what is wrong. */
export function parseXml(text: string, what = "file"): Document {
  const problems: string[] = [];
  const record = (message: unknown) => problems.push(String(message));
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      locator: {},
      errorHandler: { warning: record, error: record, fatalError: record },
    }).parseFromString(text, "application/xml");
  } catch (error) {
    record(error instanceof Error ? error.message : error);
  }
  const root = doc?.documentElement;
  if (problems.length === 0 && doc && root) return doc;

  const trimmed = text.trimEnd();
  const rootName = rootElementName(text);
  // Only reached on error: a valid self-closed root would have parsed.
  if (rootName && !trimmed.endsWith(`</${rootName}>`)) {
    throw new XmlError(`The ${what} is truncated: it ends before the closing </${rootName}> tag.`);
  }
  const line = problems.map((p) => /line:(\d+)/.exec(p)?.[1]).find((l) => l !== undefined);
  throw new XmlError(`The ${what} is not well-formed XML${line ? ` (first problem near line ${line})` : ""}.`);
}
