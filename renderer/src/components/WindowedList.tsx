/**
 * A list that draws only the items near the screen once it is long
 * (issue 14, item 5): a region of 500 people or 10,000 ideas drew every
 * card, and the Ideeën tab took seconds to open. Short lists render whole,
 * as before, so the browser's find and every item's tab stop work as
 * usual; from WINDOW_FROM items on, @tanstack/react-virtual keeps the items
 * in view (and a few around them) in the page and measures each one, so
 * cards of any height scroll smoothly with the window.
 *
 * Both ways it is a `ul` of `li`: a screen reader hears the whole list's
 * length (aria-setsize) and each item's place in it (aria-posinset), also
 * when only some items are drawn.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/** Below this many items the whole list is drawn; drawing 60 cards costs less than a frame. */
export const WINDOW_FROM = 60;

/** Items drawn beyond each edge of the screen, so a fast scroll or Tab shows no gap. */
const OVERSCAN = 8;

interface WindowedListProps<T> {
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T) => ReactNode;
  /** A typical item's height in px, used until it is measured. */
  readonly estimateHeight: number;
  /** Space between items in px. */
  readonly gap: number;
  readonly 'aria-label'?: string;
  readonly 'aria-labelledby'?: string;
  readonly 'data-testid'?: string;
}

const LIST_STYLE: CSSProperties = { listStyle: 'none', padding: 0, margin: 0 };

export function WindowedList<T>(props: WindowedListProps<T>) {
  return props.items.length < WINDOW_FROM ? <WholeList {...props} /> : <Windowed {...props} />;
}

function WholeList<T>({ items, itemKey, renderItem, gap, estimateHeight: _, ...labels }: WindowedListProps<T>) {
  return (
    <ul {...labels} style={{ ...LIST_STYLE, display: 'flex', flexDirection: 'column', gap }}>
      {items.map((item, index) => (
        <li key={itemKey(item)} aria-setsize={items.length} aria-posinset={index + 1}>
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}

function Windowed<T>({ items, itemKey, renderItem, gap, estimateHeight, ...labels }: WindowedListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  // Where the list starts on the page (the window scrolls, the list is part of it); measured again whenever the page changes size, since what is above the list (filters, warnings) can.
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setTop(list.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => estimateHeight,
    gap,
    overscan: OVERSCAN,
    scrollMargin: top,
    getItemKey: (index) => itemKey(items[index] as T),
  });
  return (
    <ul ref={listRef} {...labels} style={{ ...LIST_STYLE, position: 'relative', height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => (
        <li
          key={row.key}
          ref={virtualizer.measureElement}
          data-index={row.index}
          aria-setsize={items.length}
          aria-posinset={row.index + 1}
          style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start - top}px)` }}
        >
          {renderItem(items[row.index] as T)}
        </li>
      ))}
    </ul>
  );
}
