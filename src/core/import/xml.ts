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
  const rootName = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ""))?.[1];
  // Only reached on error: a valid self-closed root would have parsed.
  if (rootName && !trimmed.endsWith(`</${rootName}>`)) {
    throw new XmlError(`The ${what} is truncated: it ends before the closing </${rootName}> tag.`);
  }
  const line = problems.map((p) => /line:(\d+)/.exec(p)?.[1]).find((l) => l !== undefined);
  throw new XmlError(`The ${what} is not well-formed XML${line ? ` (first problem near line ${line})` : ""}.`);
}
