import { describe, expect, it } from 'vitest';
import { inviteHubUrls } from './invite-hub-urls';

describe('invite hub URLs', () => {
  it('offers every LAN address of the hub', () => {
    expect(inviteHubUrls({ addresses: ['192.168.1.20', '10.0.0.7'], url: 'ws://127.0.0.1:4455', port: 4455 })).toEqual(['ws://192.168.1.20:4455', 'ws://10.0.0.7:4455']);
  });

  it('falls back to the loopback URL of a hub bound to loopback, with the path', () => {
    expect(inviteHubUrls({ addresses: [], url: 'ws://127.0.0.1:5181', port: 5181 }, '/signal')).toEqual(['ws://127.0.0.1:5181/signal']);
    expect(inviteHubUrls({ addresses: [], url: 'ws://[::1]:5181', port: 5181 }, '/signal')).toEqual(['ws://[::1]:5181/signal']);
  });
});
