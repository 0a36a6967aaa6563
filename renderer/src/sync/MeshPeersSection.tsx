import { Alert, Badge, Group, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BrokenRule } from '../../../shared/rules/write-rules';
import type { RefusalCause } from '../../../shared/sync/signed-changes/signed-change-log';
import { useEverySyncNotification } from './sync-view';
import { useConnectionRoutes } from './use-connection-routes';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import type { VerifiedPeer } from '../../../shared/membership/auth-session';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { useRoster } from '../membership/useMemberList';

type CauseKey = BrokenRule | Exclude<RefusalCause['kind'], 'rules'>;

/** One line per broken rule, so ten refused effects of one kind read once. */
function refusalCauses(cause: RefusalCause): CauseKey[] {
  if (cause.kind !== 'rules') return [cause.kind];
  if (cause.effects.length === 0) return ['unknownPart'];
  return [...new Set(cause.effects.map((effect) => effect.rule))];
}

/**
 * Who this device is directly connected to in the room (the person and
 * organisation each proved to be) and whether each holds what we hold,
 * whether each connection runs directly or via a TURN relay, partners that
 * speak another version, partners whose changes are being held
 * back for coming too fast, partners' changes refused for breaking a rule,
 * and connections refused either way.
 */
export function MeshPeersSection({ sync, membership }: { sync: WorkspaceSync; membership: WorkspaceMembership | undefined }) {
  const { t } = useTranslation();
  // A partner that proved with another of its person's devices (a second laptop, the region peer) is named as that device.
  const roster = useRoster(membership);
  const deviceName = (key: string | undefined) => (key === undefined ? undefined : (roster?.devices.devices.get(key)?.name ?? undefined));
  useEverySyncNotification(sync);
  const routes = useConnectionRoutes(sync);
  const neighbours = sync.neighbours();
  const flooding = sync.floodingPeers();
  const refusals = sync.refusals();
  const refusedChanges = sync.changeRefusals();
  const room = Math.max(sync.roomSize(), neighbours.length);
  const peerLine = (verified: VerifiedPeer) => {
    const device = deviceName(verified.device);
    const who = { name: verified.member.displayName, organisation: verified.member.organisationName };
    return device === undefined ? t('sync.peerVerified', who) : t('sync.peerVerifiedDevice', { ...who, device });
  };
  return (
    <section aria-labelledby="mesh-peers-title">
      <Title order={3} size="h5" id="mesh-peers-title">
        {t('sync.meshTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {neighbours.length === 0 ? t('sync.meshNone') : room > neighbours.length ? t('sync.meshSome', { count: neighbours.length, room }) : t('sync.meshAll', { count: neighbours.length })}
      </Text>
      {flooding.length > 0 && (
        <Alert color="orange" role="alert" mt="xs" title={t('sync.floodingTitle')}>
          <List size="sm">
            {flooding.map((peer) => (
              <List.Item key={peer.origin}>{t('sync.floodingPeer', { name: peer.name ?? t('sync.unknownPartner'), count: peer.dropped })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {refusedChanges.length > 0 && (
        <Alert color="red" role="alert" mt="xs" title={t('sync.changesRefusedTitle')} data-testid="refused-changes">
          <Text size="sm">{t('sync.changesRefusedIntro')}</Text>
          <List size="sm">
            {refusedChanges.map((refusal, index) => {
              const name = refusal.member ? t('sync.peerVerified', { name: refusal.member.displayName, organisation: refusal.member.organisationName }) : t('sync.unknownPartner');
              const causes = refusalCauses(refusal.cause);
              return (
                <List.Item key={`${refusal.receivedAt}-${index}`}>
                  {t('sync.changeRefused', { name, cause: causes.map((cause) => t(`sync.changeCause.${cause}`)).join('; ') })}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
      {refusals.length > 0 && (
        <Alert color="gray" mt="xs" title={t('sync.refusedTitle')} data-testid="refused-connections">
          <List size="sm">
            {refusals.map((refusal, index) => (
              <List.Item key={`${refusal.at}-${index}`}>{t(refusal.byThem ? 'sync.refusedByThem' : 'sync.refusedByUs', { reason: t(`sync.refusal.${refusal.reason}`) })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <List size="sm" mt="xs" data-testid="mesh-neighbours">
        {neighbours.map((neighbour) => {
          const state = neighbour.problem
            ? neighbour.problem.kind === 'otherVersion'
              ? { color: 'red', text: t('sync.peerOtherVersion', { version: neighbour.problem.version }) }
              : { color: 'red', text: t('sync.peerNotStroomkring') }
            : neighbour.even
              ? { color: 'teal', text: t('sync.peerEven') }
              : { color: 'blue', text: t('sync.peerNotEven') };
          const route = routes.get(neighbour.id);
          return (
            <List.Item key={neighbour.id}>
              <Group gap="xs">
                <Text size="sm">
                  {neighbour.verified ? peerLine(neighbour.verified) : (neighbour.name ?? t('sync.unknownPartner'))}
                </Text>
                {neighbour.verified && (
                  <Badge variant="dot" color={neighbour.verified.as === 'open' ? 'gray' : 'teal'}>
                    {neighbour.verified.as === 'open' ? t('sync.peerOpenBadge') : t('sync.peerVerifiedBadge')}
                  </Badge>
                )}
                <Badge variant="dot" color={state.color}>
                  {state.text}
                </Badge>
                {route && (
                  <Badge variant="light" color={route === 'relay' ? 'grape' : 'gray'} data-testid="connection-route">
                    {route === 'relay' ? t('sync.routeRelay') : t('sync.routeDirect')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </section>
  );
}
