import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScrollableTableProps {
  /** Names the scrolling region for a screen reader; the table's caption says it best. */
  readonly label: string;
  readonly minWidth: number;
  readonly maxHeight?: number;
  readonly children: ReactNode;
}

/**
 * A table that scrolls inside a box of its own once it outgrows it (a whole
 * region's organisations). The scrolling box takes keyboard focus, so it can
 * be scrolled with the arrow keys by someone who does not use a mouse.
 */
export function ScrollableTable({ label, minWidth, maxHeight, children }: ScrollableTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth} {...(maxHeight === undefined ? {} : { maxHeight })} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}
