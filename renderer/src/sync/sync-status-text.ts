import type { TFunction } from 'i18next';
import type { ShownSyncStatus } from './sync-view';

export function syncStatusText(t: TFunction, status: ShownSyncStatus): { text: string; color: string } {
  switch (status.kind) {
    case 'starting':
      return { text: t('sync.starting'), color: 'gray' };
    case 'failed':
      return { text: t('sync.failed', { problem: status.problem }), color: 'red' };
    case 'offline':
      return { text: status.reason === 'switchedOff' ? t('sync.offlineSwitchedOff') : t('sync.offlineNoSignaling'), color: 'gray' };
    case 'connecting':
      return { text: t('sync.connecting'), color: 'gray' };
    case 'looking':
      if (status.cannotConnect) return { text: t(`sync.cannotConnect.${status.cannotConnect}`), color: 'orange' };
      return { text: t('sync.looking'), color: 'yellow' };
    case 'connected':
      if (status.otherVersion > 0) return { text: `${t('sync.connected', { count: status.peers })} (${t('sync.otherVersion', { count: status.otherVersion })})`, color: 'orange' };
      return { text: `${t('sync.connected', { count: status.peers })} (${t('sync.pending', { count: status.pending })})`, color: 'blue' };
    case 'inSync':
      return { text: t('sync.inSync', { count: status.peers }), color: 'teal' };
  }
}
