/**
 * Rows in a list as tall as all of them, with only those near the panel's
 * view rendered (@tanstack/react-virtual), each measured as it is drawn.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { Row } from "./evidence-rows";

export default function VirtualRows({
  rows,
  rowKey,
  render,
}: {
  rows: Row[];
  rowKey: (row: Row) => string;
  render: (row: Row) => ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  const scroller = () => list.current?.closest<HTMLElement>(".side-panel") ?? null;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read in this render only.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: scroller,
    estimateSize: (i) => (rows[i]!.kind === "group" ? 36 : 150),
    getItemKey: (i) => rowKey(rows[i]!),
    overscan: 8,
    scrollMargin: margin,
  });
  // Where the list starts in the panel's scrolled content: the actor's header above it may grow or shrink.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- measured after every render; it sets state only on a change.
  useLayoutEffect(() => {
    const el = list.current;
    const scroll = el?.closest<HTMLElement>(".side-panel");
    if (!el || !scroll) return;
    const top = el.getBoundingClientRect().top - scroll.getBoundingClientRect().top + scroll.scrollTop;
    if (Math.abs(top - margin) > 1) setMargin(top);
  });
  return (
    <div ref={list} className="evidence-rows virtual" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          className="virtual-row"
          style={{ transform: `translateY(${item.start - margin}px)` }}
        >
          {render(rows[item.index]!)}
        </div>
      ))}
    </div>
  );
}
