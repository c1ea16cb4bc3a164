/**
 * A text from data, cut with an ellipsis when it is long (a label, a
 * description, a notice: a file or a link can make them any length), with a
 * button that shows the whole of it. Optional highlights mark ranges of the
 * full text as React text nodes and <mark>, never as injected HTML.
 */
import { useState } from "react";
import { shorten, SHORT_TEXT } from "../model/text";
import { Highlighted } from "./Highlighted";

export function BoundedText({ text, max = SHORT_TEXT, query }: { text: string; max?: number; query?: string }) {
  const [whole, setWhole] = useState(false);
  const short = shorten(text, max);
  const shown = whole || !short.cut ? text : short.text;
  return (
    <>
      {query ? <Highlighted text={shown} query={query} /> : shown}
      {short.cut && (
        <>
          {" "}
          <button type="button" className="link-button more-button" aria-expanded={whole} onClick={() => setWhole((w) => !w)}>
            {whole ? "Show less" : `Show all (${text.length.toLocaleString("en")} characters)`}
          </button>
        </>
      )}
    </>
  );
}
