import { describe, expect, it } from 'vitest';
import { GRANTED_PERMISSIONS, isPermissionGranted } from './permission-policy';

describe('permission policy', () => {
  it('grants only writing plain text to the clipboard', () => {
    expect([...GRANTED_PERMISSIONS]).toEqual(['clipboard-sanitized-write']);
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });
});
