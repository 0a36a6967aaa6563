/**
 * Who a collaboration caret belongs to, as published in the awareness 'user'
 * field. That field is shared: WorkspaceSync puts the presence fields there
 * (memberId, displayName, organisationName; shared/sync/presence.ts) and the
 * caret extension overwrites the whole field with what it is given. So the
 * caret user is the existing field plus { name, color }, never a replacement.
 *
 * Remote fields come from peers and are untrusted: a label shows a clamped
 * string and a colour that passed a strict #rrggbb test, or nothing/grey.
 */
import { LIMITS } from '../../../../shared/domain/limits';

/**
 * Dark enough for white label text (WCAG AA, at least 4.5:1, checked in the
 * test) and far enough apart to tell partners apart at a glance.
 */
export const CARET_PALETTE = [
  '#1864ab', // blue
  '#c92a2a', // red
  '#237032', // green
  '#862e9c', // grape
  '#0b7285', // cyan
  '#5f3dc4', // violet
  '#a61e4d', // pink
  '#087f5b', // teal
  '#364fc7', // indigo
  '#b35900', // dark orange
] as const;

/** Shown for a peer whose colour is missing or malformed; also passes 4.5:1 against white. */
export const FALLBACK_CARET_COLOUR = '#495057';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** FNV-1a: stable across peers and runs, so a member has the same colour on every screen. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function caretColour(memberId: string): string {
  return CARET_PALETTE[hash(memberId) % CARET_PALETTE.length] ?? FALLBACK_CARET_COLOUR;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface CaretUser {
  readonly [field: string]: unknown;
  readonly name: string;
  readonly color: string;
}

/**
 * The awareness 'user' value for this member's caret: the presence fields
 * already there kept as they are, plus name and a colour from the member id
 * (from the name when the presence fields are missing, as before sync sets them).
 */
export function caretUser(localUser: unknown, userName: string): CaretUser {
  const existing = isRecord(localUser) ? localUser : {};
  const memberId = typeof existing.memberId === 'string' && existing.memberId !== '' ? existing.memberId : userName;
  return { ...existing, name: userName, color: caretColour(memberId) };
}

/** What a remote caret shows; `fallbackName` (e.g. "Naamloos") when the peer sent no usable name. */
export function caretLabel(user: unknown, fallbackName: string): { readonly name: string; readonly color: string } {
  const fields = isRecord(user) ? user : {};
  const rawName = typeof fields.name === 'string' ? fields.name.trim() : '';
  const name = rawName === '' ? fallbackName : rawName.slice(0, LIMITS.displayName);
  const color = typeof fields.color === 'string' && HEX_COLOUR.test(fields.color) ? fields.color : FALLBACK_CARET_COLOUR;
  return { name, color };
}
