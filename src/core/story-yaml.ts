/**
 * A story as the YAML file a curator drops into graph/corpus/stories/ (the
 * format is in graph/README.md). Every text is written as a double-quoted
 * YAML scalar with JSON's escapes, which YAML reads exactly as written, so no
 * caption or quote can change meaning on the way (a colon, a "#", a leading
 * dash, a line break). Mappings and lists of mappings are written in block
 * style, one member per line, so a review diff shows one change per hunk.
 */
import type { Story } from "../model/story";
import { viewDelta } from "../model/story";

const scalar = (v: unknown): string => (v === undefined ? "null" : JSON.stringify(v));

const isPlain = (v: unknown) => v === null || typeof v !== "object";

function block(value: Record<string, unknown>, indent: string, out: string[]): void {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const name = /^[A-Za-z][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
    if (isPlain(v)) out.push(`${indent}${name}: ${scalar(v)}`);
    else if (Array.isArray(v)) {
      if (v.every(isPlain)) out.push(`${indent}${name}: [${v.map(scalar).join(", ")}]`);
      else {
        out.push(`${indent}${name}:`);
        for (const item of v) list(item, `${indent}  `, out);
      }
    } else if (Object.keys(v as object).length === 0) out.push(`${indent}${name}: {}`);
    else {
      out.push(`${indent}${name}:`);
      block(v as Record<string, unknown>, `${indent}  `, out);
    }
  }
}

function list(item: unknown, indent: string, out: string[]): void {
  if (isPlain(item) || Array.isArray(item)) {
    out.push(`${indent}- ${JSON.stringify(item)}`);
    return;
  }
  const lines: string[] = [];
  block(item as Record<string, unknown>, `${indent}  `, lines);
  if (lines.length === 0) out.push(`${indent}- {}`);
  else out.push(`${indent}- ${lines[0]!.slice(indent.length + 2)}`, ...lines.slice(1));
}

/** The story file: its title, description and steps; each step's view as what differs from the default view. */
export function storyToYaml(story: Story): string {
  const out = [`# Story "${story.id}": save as graph/corpus/stories/${story.id}.yaml and run \`npm run graph\`.`];
  block(
    {
      title: story.title,
      description: story.description,
      steps: story.steps.map((s) => ({
        caption: s.caption,
        view: viewDelta(s.view),
        ...(s.quotes.length > 0 && { quotes: s.quotes.map((q) => ({ article: q.article, quote: q.quote })) }),
      })),
    },
    "",
    out,
  );
  return `${out.join("\n")}\n`;
}
