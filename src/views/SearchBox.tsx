/** "Search actors": an ARIA combobox over labels and aliases of the visible actors. */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { searchActors } from "../core/search";
import { showActor } from "../sigma/commands";
import { useAppState } from "../state";
import { selectVisible } from "../state/derived";

export function SearchBox() {
  const data = useAppState((s) => s.data.loaded);
  const visible = useAppState(selectVisible);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  const hits = useMemo(
    () => (data && query.trim() ? searchActors(data.graph, query, { limit: 12, among: visible.nodes }) : []),
    [data, query, visible],
  );

  // "/" focuses the search from anywhere but a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Only where "/" would be typed: text fields, not checkboxes, sliders or buttons.
      const textInput = target instanceof HTMLInputElement && !/^(checkbox|radio|range|button|submit|reset|file|color)$/.test(target.type);
      const typing = target && (target.isContentEditable || textInput || /^(TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    showActor(hit.node);
    setQuery(hit.label);
    setOpen(false);
  };

  const expanded = open && hits.length > 0;
  return (
    <div className="search">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label="Search actors"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder="Search actors  ( / )"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(active);
          } else if (e.key === "Escape") {
            e.stopPropagation();
            if (expanded) setOpen(false);
            else setQuery("");
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching actors" className="search-results" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            key={hit.node}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(i);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span>{hit.label}</span>
            {hit.alias && <small> — {hit.alias}</small>}
          </li>
        ))}
      </ul>
      {open && query.trim() && hits.length === 0 && <p className="search-empty">No visible actor matches.</p>}
    </div>
  );
}
