/** Copies the address of the current view, which reopens it exactly. */
import { dispatch } from "../state";
import { flushUrl } from "../state/url-sync";

export function CopyLink() {
  const copy = async () => {
    flushUrl();
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      dispatch({ type: "notify", role: "status", text: "Link to this view copied." });
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): show the link instead.
      dispatch({ type: "notify", role: "status", text: `Copy this link: ${url}` });
    }
  };
  return (
    <button type="button" onClick={() => void copy()}>
      Copy link
    </button>
  );
}
