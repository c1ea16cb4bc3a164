/**
 * An article's body as written, sentence by sentence: actor mentions and
 * names without an actor marked, each sentence coloured by its coverage.
 * Every piece of text carries its offset in the body, so a selection maps
 * back to the body exactly and the quote made from it is verbatim.
 */
import type { ArticleInfo, SentenceInfo } from "../../graph/studio/protocol";

export interface ArticleTextProps {
  article: ArticleInfo;
  describeActor: (id: string) => string;
  selected: number | null;
  onSentence: (index: number) => void;
  /** A selection inside one sentence: [start, end) in the body. */
  onQuote: (start: number, end: number) => void;
  /** A selection that is not a passage of one sentence. */
  onBadSelection: (message: string) => void;
}

interface Mark {
  start: number;
  end: number;
  className: string;
  title: string;
}

function pieces(s: SentenceInfo, describeActor: (id: string) => string): Mark[] {
  const marks: Mark[] = [
    ...s.mentions.map((m) => ({ start: m.start, end: m.end, className: "mention", title: `${describeActor(m.actor)} (${m.actor})` })),
    ...s.names.map((n) => ({ start: n.start, end: n.end, className: "name", title: "a name without an actor" })),
  ];
  const points = [...new Set([s.start, s.end, ...marks.flatMap((m) => [m.start, m.end])])]
    .filter((p) => p >= s.start && p <= s.end)
    .sort((a, b) => a - b);
  const out: Mark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const over = marks.filter((m) => m.start <= start && end <= m.end);
    out.push({ start, end, className: over.map((m) => m.className).join(" "), title: over.map((m) => m.title).join("; ") });
  }
  return out;
}

/** The body offset of a point of a selection (a DOM node and an offset in it), or null outside the text. */
function bodyOffset(node: Node, offset: number): number | null {
  const at = (text: Node, inside: number) => {
    const host = text.parentElement?.closest<HTMLElement>("[data-at]");
    return host ? Number(host.dataset.at) + inside : null;
  };
  if (node.nodeType === Node.TEXT_NODE) return at(node, offset);
  const texts = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const list: Node[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) list.push(n);
    return list;
  };
  const child = node.childNodes[offset];
  if (child) {
    const first = child.nodeType === Node.TEXT_NODE ? child : texts(child)[0];
    return first ? at(first, 0) : null;
  }
  const last = texts(node).pop();
  return last ? at(last, last.textContent?.length ?? 0) : null;
}

export function ArticleText({ article, describeActor, selected, onSentence, onQuote, onBadSelection }: ArticleTextProps) {
  const onMouseUp = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    let start = bodyOffset(range.startContainer, range.startOffset);
    let end = bodyOffset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    while (start < end && /\s/.test(article.body[start]!)) start++;
    while (end > start && /\s/.test(article.body[end - 1]!)) end--;
    if (end <= start) return;
    const inOne = article.sentences.some((s) => s.start <= start && end <= s.end);
    if (!inOne) onBadSelection("A quote is one sentence or less: this selection runs over the end of a sentence.");
    else onQuote(start, end);
  };
  return (
    <div className="article-text" onMouseUp={onMouseUp}>
      {article.paragraphs.map((para, p) => (
        <p key={p}>
          {para.map((index, k) => {
            const s = article.sentences[index]!;
            return (
              <span key={index}>
                {k > 0 && " "}
                <span
                  className={`sentence s-${s.status}${selected === index ? " selected" : ""}`}
                  data-sentence={index}
                  title={s.status === "reviewed" ? `reviewed: ${s.reason ?? ""}` : undefined}
                  onClick={() => {
                    if (window.getSelection()?.isCollapsed !== false) onSentence(index);
                  }}
                >
                  {pieces(s, describeActor).map((piece) => (
                    <span key={piece.start} data-at={piece.start} className={piece.className || undefined} title={piece.title || undefined}>
                      {article.body.slice(piece.start, piece.end)}
                    </span>
                  ))}
                </span>
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
