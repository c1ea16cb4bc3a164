/** "Search actors": press "/" anywhere, type, choose; Escape clears the text, a second Escape the selection. */
import { useEffect, useRef } from "react";
import { showActor } from "../sigma/commands";
import { dispatch } from "../state";
import { ActorCombobox } from "./ActorCombobox";

/** Whether a key typed here goes into a text field (so "/" and "?" are typed, not shortcuts). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  // Only where text would be typed: text fields, not checkboxes, sliders or buttons.
  const textInput = el instanceof HTMLInputElement && !/^(checkbox|radio|range|button|submit|reset|file|color)$/.test(el.type);
  return el.isContentEditable || textInput || /^(TEXTAREA|SELECT)$/.test(el.tagName);
}

export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);

  // "/" focuses the search from anywhere but a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "/" && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <ActorCombobox
      className="search"
      label="Search actors"
      placeholder="Search actors  ( / )"
      inputRef={input}
      onChoose={(node) => showActor(node)}
      onEscapeWhenEmpty={() => dispatch({ type: "select", node: null })}
    />
  );
}
