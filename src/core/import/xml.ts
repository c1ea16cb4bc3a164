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
    throw new XmlError(`The ${what} is truncated at line ${lineCount(trimmed)}: it ends before the closing </${rootName}> tag.`);
  }
  const first = problems[0] ?? "";
  const at = /line:(\d+),col:(\d+)/.exec(first);
  const where = at ? ` at line ${at[1]}, column ${at[2]}` : "";
  throw new XmlError(`The ${what} is not well-formed XML${where}${reasonOf(first)}.`);
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** xmldom's words for the problem, without its prefixes and position, cut short: ": unclosed xml attribute". */
function reasonOf(problem: string): string {
  const reason = problem
    .replace(/@#\[line:\d+,col:\d+\][\s\S]*$/, "")
    .replace(/^\[xmldom [a-z ]+\]\s*/i, "")
    .replace(/^(element parse error: )?(Error: )?/i, "")
    .replace(/[\u0000-\u001f]+/g, " ")
    .trim()
    .replace(/\.$/, "");
  if (!reason) return "";
  return `: ${reason.length > 80 ? reason.slice(0, 79) + "…" : reason}`;
}

/** The element children of `parent`, optionally only those with local name `name` (any namespace). */
export function childElements(parent: Element | Document, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || (n as Element).localName === name)) out.push(n as Element);
  }
  return out;
}

/** The first element child named `name`, or undefined. */
export function firstChild(parent: Element | Document, name: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) return n as Element;
  return undefined;
}

/**
 * Every descendant element of `root` with local name `name`, in document
 * order. A loop with its own stack, so deep nesting cannot exhaust the call stack.
 */
export function descendants(root: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = childElements(root).reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.localName === name) out.push(el);
    const children = childElements(el);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** The attribute's value, or null when absent (xmldom returns "" for absent attributes). */
export function attribute(el: Element, name: string): string | null {
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}
