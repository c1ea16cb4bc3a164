/**
 * A text box that finds visible actors by name or other name, as an ARIA
 * combobox: type, move with the arrow keys (Home/End to the ends of the
 * list), choose with Enter or a click. The actor search and the path's two
 * ends are each one of these, so they match the same way (core/search.ts).
 */
import { useId, useMemo, useState, type Ref } from "react";
import { searchActors } from "../core/search";
import { useAppState } from "../state";
import { selectVisible } from "../state/derived";

export function ActorCombobox({
  label,
  placeholder,
  value,
  onChoose,
  onEscapeWhenEmpty,
  inputRef,
  className = "",
  limit = 12,
}: {
  /** The accessible name. */
  label: string;
  placeholder?: string;
  /**
   * The actor chosen now, whose label the box shows when it is not being
   * typed in (the path's ends). Without it the box is a free search that
   * keeps the name chosen last.
   */
  value?: string | null;
  onChoose: (node: string, label: string) => void;
  /** Escape in an empty box (the search uses it to clear the selection). */
  onEscapeWhenEmpty?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  limit?: number;
}) {
  const data = useAppState((s) => s.data.loaded);
  const visible = useAppState(selectVisible);
  const valueLabel = value && data?.graph.hasNode(value) ? data.graph.getNodeAttribute(value, "label") : "";
  // What is typed; null while the box shows the chosen actor's name.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const query = typed ?? (value === undefined ? "" : valueLabel);

  const hits = useMemo(
    () => (data && typed !== null && typed.trim() ? searchActors(data.graph, typed, { limit, among: visible.nodes }) : []),
    [data, typed, visible, limit],
  );

  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    onChoose(hit.node, hit.label);
    setTyped(value === undefined ? hit.label : null);
    setOpen(false);
  };

  const expanded = open && hits.length > 0;
  return (
    <div className={`combobox ${className}`}>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(e) => {
          setOpen(true);
          e.target.select();
        }}
        onBlur={() => {
          setOpen(false);
          // A half-typed name is dropped: the box shows the chosen actor again.
          if (value !== undefined && typed !== null && typed.trim() !== "") setTyped(null);
        }}
        onKeyDown={(e) => {
          const last = hits.length - 1;
          if (e.key === "ArrowDown") {
            setOpen(true);
            setActive((i) => Math.min(i + 1, last));
          } else if (e.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
          else if (expanded && e.key === "Home") setActive(0);
          else if (expanded && e.key === "End") setActive(last);
          else if (e.key === "Enter") choose(active);
          else if (e.key === "Escape") {
            // First Escape clears the text (back to the chosen actor's name, for a path's end);
            // then it is the caller's: the search clears the selection.
            setOpen(false);
            if (value === undefined && query !== "") setTyped("");
            else if (value !== undefined && typed !== null) setTyped(null);
            else if (onEscapeWhenEmpty) onEscapeWhenEmpty();
            else return;
          } else return;
          e.preventDefault();
          e.stopPropagation();
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
      {open && typed !== null && typed.trim() && hits.length === 0 && <p className="search-empty">No visible actor matches.</p>}
    </div>
  );
}
