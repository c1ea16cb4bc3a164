/** A search field that picks one actor or relation, searched as the explorer searches (search.ts). */
import { useId, useMemo, useState } from "react";
import { search, type SearchIndex } from "./search";

export interface PickerProps {
  label: string;
  index: SearchIndex;
  value: string;
  onChange: (key: string) => void;
  /** Keys offered as one-click choices (the actors a sentence names, the relation its cue suggests). */
  suggestions?: string[];
  /** How a key is shown. */
  describe: (key: string) => string;
  invalid?: boolean;
  /** An empty value is allowed (an optional affiliation). */
  optional?: boolean;
}

export function Picker({ label, index, value, onChange, suggestions = [], describe, invalid, optional }: PickerProps) {
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const hits = useMemo(() => (query ? search(index, query) : []), [index, query]);
  const open = query !== null && hits.length > 0;
  const choose = (key: string) => {
    onChange(key);
    setQuery(null);
    setActive(0);
  };
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        placeholder={optional ? "none (type to search)" : "type to search"}
        value={query ?? (value ? describe(value) : "")}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          if (optional && e.target.value === "") onChange("");
        }}
        onBlur={() => setQuery(null)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && open) setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === "ArrowUp" && open) setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter" && open) choose(hits[active]!.node);
          else if (e.key === "Escape") setQuery(null);
          else return;
          e.preventDefault();
        }}
      />
      {open && (
        <ul className="picker-list" role="listbox" id={`${id}-list`}>
          {hits.map((hit, i) => (
            <li
              key={hit.node}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit.node);
              }}
            >
              {hit.label}{" "}
              <span className="muted">
                {hit.alias && hit.alias !== hit.node ? `“${hit.alias}” · ` : ""}
                {hit.node}
              </span>
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <div className="chips" aria-label={`${label}: suggestions`}>
          {suggestions.map((key) => (
            <button key={key} type="button" className={`chip${key === value ? " chosen" : ""}`} onClick={() => choose(key)}>
              {describe(key)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
