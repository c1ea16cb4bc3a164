/**
 * "Copy embed code": an `<iframe>` of the view on screen (the same link with
 * `embed=1`) for someone else's page: the graph, its legend, the time bar
 * and a story's caption card, with a link back to the full explorer.
 */
import { dispatch, store } from "../state";
import { embedUrl, flushUrl } from "../state/url-sync";

const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The HTML to paste: a responsive frame with no border, titled with the graph's name. */
export function embedCode(url: string, title: string): string {
  return `<iframe src="${attr(url)}" title="${attr(title)}" width="100%" height="600" style="border:0" loading="lazy"></iframe>`;
}

export function CopyEmbedCode() {
  const copy = async () => {
    flushUrl();
    const state = store.getState();
    const code = embedCode(embedUrl(state), state.data.loaded?.graph.getAttribute("name") || "Knowledge graph");
    try {
      await navigator.clipboard.writeText(code);
      dispatch({ type: "notify", role: "status", text: "Embed code for this view copied." });
    } catch {
      dispatch({ type: "notify", role: "status", text: `Copy this embed code: ${code}` });
    }
  };
  return (
    // On a phone it shows "Embed", beside the search, so the header keeps two rows.
    <button
      type="button"
      className="header-first-row"
      aria-label="Copy embed code"
      onClick={() => void copy()}
      title="An <iframe> of this view for another page"
    >
      <span className="wide-text">Copy embed code</span>
      <span className="narrow-text" aria-hidden="true">
        Embed
      </span>
    </button>
  );
}
