import type { Editor } from '@tiptap/core';
import { useEffect, useState, type RefObject } from 'react';
import { FALLBACK_CARET_COLOUR } from './caret-user';
import { CARET_CLASS } from './editor-extensions';

interface PlacedLabel {
  readonly name: string;
  readonly color: string;
  readonly left: number;
  readonly top: number;
}

function samePlacement(a: readonly PlacedLabel[], b: readonly PlacedLabel[]): boolean {
  return a.length === b.length && a.every((label, i) => {
    const other = b[i];
    return other !== undefined && label.name === other.name && label.color === other.color && label.left === other.left && label.top === other.top;
  });
}

function measure(box: HTMLElement): PlacedLabel[] {
  const origin = box.getBoundingClientRect();
  return [...box.querySelectorAll<HTMLElement>(`.${CARET_CLASS}`)].map((caret) => {
    const rect = caret.getBoundingClientRect();
    return {
      name: caret.dataset.name ?? '',
      color: caret.dataset.color ?? FALLBACK_CARET_COLOUR,
      left: Math.round(rect.left - origin.left),
      top: Math.round(rect.top - origin.top),
    };
  });
}

/**
 * The partners' names above their carets, drawn in a layer over the editor
 * instead of inside the editable element, so the names never become part of
 * the goal text as read from the textbox. Re-measured after every editor
 * transaction (remote edits and caret moves arrive as transactions) and
 * whenever the editor's box changes size.
 */
export function CaretLabels({ editor, box }: { readonly editor: Editor; readonly box: RefObject<HTMLDivElement | null> }) {
  const [labels, setLabels] = useState<readonly PlacedLabel[]>([]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = measure(element);
        setLabels((previous) => (samePlacement(previous, next) ? previous : next));
      });
    };
    editor.on('transaction', schedule);
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', schedule);
      observer.disconnect();
    };
  }, [editor, box]);

  return (
    <div className="goal-editor__caret-labels" aria-hidden="true">
      {labels.map((label, i) => (
        <div key={`${label.name}-${String(i)}`} className="collaboration-carets__label" style={{ left: label.left, top: label.top, backgroundColor: label.color }}>
          {label.name}
        </div>
      ))}
    </div>
  );
}
