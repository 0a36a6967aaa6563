import { describe, expect, it } from 'vitest';
import { GRANTED_PERMISSIONS, isPermissionGranted } from './permission-policy';

describe('permission policy', () => {
  it('grants nothing', () => {
    expect(GRANTED_PERMISSIONS.size).toBe(0);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });
});
