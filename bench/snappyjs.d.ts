/** snappyjs ships no types; the one function the history bench uses. */
declare module 'snappyjs' {
  export function compress(input: Uint8Array): Uint8Array;
}
