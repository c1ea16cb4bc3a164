/** The page's first stops for the Tab key: straight to the graph or to the details, past the header and the filters. */
import { dispatch, store } from "../state";
import { PHONE } from "./use-media";

function skipTo(id: string) {
  // On a phone the details are a drawer: it opens first.
  if (id === "details" && window.matchMedia(PHONE).matches && !store.getState().ui.detailsOpen) {
    dispatch({ type: "setDetailsOpen", open: true });
  }
  // After the drawer has rendered.
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function SkipLinks() {
  // Links to ids in the page, but handled here: a change of the address's #fragment would be read as a view.
  return (
    <nav className="skip-links" aria-label="Skip links">
      {(
        [
          ["graph", "Skip to the graph"],
          ["details", "Skip to the details"],
        ] as const
      ).map(([id, label]) => (
        <a
          key={id}
          href={`#${id}`}
          className="skip-link"
          onClick={(e) => {
            e.preventDefault();
            skipTo(id);
          }}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
