import { describe, expect, it } from 'vitest';
import { answersAnnouncement, linkToShed, MAX_DEGREE, TARGET_DEGREE } from './topology';

describe('mesh topology', () => {
  it('answers every announcement below the target, none at the maximum, and by chance between', () => {
    const never = () => 0.999;
    const always = () => 0;
    expect(answersAnnouncement(TARGET_DEGREE - 1, 29, never)).toBe(true);
    expect(answersAnnouncement(MAX_DEGREE, 29, always)).toBe(false);
    expect(answersAnnouncement(TARGET_DEGREE, 29, always)).toBe(true);
    expect(answersAnnouncement(TARGET_DEGREE, 29, never)).toBe(false);
    // In a small room everyone answers: the chance is target ÷ room size, at most 1.
    expect(answersAnnouncement(TARGET_DEGREE, TARGET_DEGREE, () => 0.99)).toBe(true);
    // A newcomer among peers that are all full is still answered, by chance (measured: 9 peers at 8 links left a 10th alone).
    expect(answersAnnouncement(MAX_DEGREE, 9, always, 0)).toBe(true);
    expect(answersAnnouncement(MAX_DEGREE, 9, never, 0)).toBe(false);
    expect(answersAnnouncement(MAX_DEGREE, 9, always, TARGET_DEGREE)).toBe(false);
  });

  it('sheds the best-connected neighbour above the maximum, never one at or below the target', () => {
    const degrees = new Map([
      ['a', TARGET_DEGREE],
      ['b', MAX_DEGREE],
      ['c', MAX_DEGREE],
      ['d', 6],
    ]);
    expect(linkToShed(MAX_DEGREE, degrees)).toBeUndefined();
    expect(linkToShed(MAX_DEGREE + 1, degrees)).toBe('b');
    expect(linkToShed(MAX_DEGREE + 1, new Map([['a', TARGET_DEGREE]]))).toBeUndefined();
  });
});
