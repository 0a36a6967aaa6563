/**
 * Due dates of working-group actions, as pure functions. A due date is a
 * calendar day (YYYY-MM-DD), not a moment: "vóór 12 maart" means the same
 * day for every partner whatever their clock, and ISO days compare correctly
 * as strings.
 */
import { z } from 'zod';

/** A real calendar day: 2026-02-30 is refused, not rolled over into March. */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const CalendarDaySchema = z.string().refine(isCalendarDay, 'not a calendar day (YYYY-MM-DD)');

/** The day a moment falls on in this device's time zone: what "today" means to the person looking. */
export function localDay(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

export interface DueAction {
  readonly id: string;
  readonly title: string;
  readonly due: string;
  readonly done: boolean;
  readonly doneAt?: number;
}

/** Overdue: not done and the due day has passed. Due today is not overdue yet. */
export function isOverdue(action: Pick<DueAction, 'due' | 'done'>, today: string): boolean {
  return !action.done && action.due < today;
}

const DAY_MS = 86_400_000;

/** Whole days between two calendar days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** How many days an action is overdue; 0 when it is not. */
export function daysOverdue(action: Pick<DueAction, 'due' | 'done'>, today: string): number {
  return isOverdue(action, today) ? daysBetween(action.due, today) : 0;
}

/**
 * The order a group's action list is shown in: open actions first by due day
 * (so overdue ones lead), then done ones, most recently done first. Ties by
 * title and id, so every partner sees the same order.
 */
export function compareActions(a: DueAction, b: DueAction): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  if (!a.done) {
    if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  } else if ((a.doneAt ?? 0) !== (b.doneAt ?? 0)) {
    return (b.doneAt ?? 0) - (a.doneAt ?? 0);
  }
  return a.title.localeCompare(b.title, 'nl') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortActions<T extends DueAction>(actions: readonly T[]): T[] {
  return [...actions].sort(compareActions);
}
