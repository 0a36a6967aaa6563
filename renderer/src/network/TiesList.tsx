import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { NetworkEdge, NetworkModel, NetworkNode, TieKind } from '../../../shared/network/network-model';
import { memberPath, organisationPath } from '../people/links';
import type { People } from '../people/usePeople';

const RELATION_KEYS = { 'member-of': 'network.relationMemberOf', introduced: 'network.relationIntroduced', invited: 'network.relationInvited', 'shared-group': 'network.relationSharedGroup' } as const satisfies Record<TieKind, string>;

export const profilePath = (node: NetworkNode) => (node.kind === 'person' ? memberPath(node.entityId) : organisationPath(node.entityId));

function NodeLink({ node }: { node: NetworkNode }) {
  return (
    <Anchor component={Link} href={profilePath(node)}>
      {node.label}
    </Anchor>
  );
}

/**
 * The picture's ties as text, from the same model as the canvas: what a
 * screen reader reads and what a keyboard opens profiles from.
 */
export function TiesList({ model, people }: { model: NetworkModel; people: People }) {
  const { t } = useTranslation();
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  const tied = new Set(model.edges.flatMap((edge) => [edge.source, edge.target]));
  const alone = model.nodes.filter((node) => !tied.has(node.id));
  const detail = (edge: NetworkEdge) => {
    if (edge.kind === 'introduced') {
      const by = people.memberById.get(edge.by ?? '')?.displayName ?? t('people.unknownMember');
      return edge.note ? t('network.byWithNote', { name: by, note: edge.note }) : t('network.by', { name: by });
    }
    if (edge.kind === 'shared-group') return edge.group;
    return undefined;
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="network-ties-heading">
        {t('network.tiesTitle', { count: model.edges.length })}
      </Title>
      {model.edges.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('network.noTies')}
        </Text>
      ) : (
        <Stack component="ul" gap={4} aria-labelledby="network-ties-heading" data-testid="network-ties" style={{ paddingLeft: '1.25rem', margin: 0 }}>
          {model.edges.map((edge) => {
            const source = byId.get(edge.source);
            const target = byId.get(edge.target);
            if (!source || !target) return null;
            const extra = detail(edge);
            return (
              <li key={edge.id}>
                <Text size="sm" component="span">
                  <NodeLink node={source} /> — {t(RELATION_KEYS[edge.kind])} — <NodeLink node={target} />
                  {extra && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      ({extra})
                    </Text>
                  )}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
      {alone.length > 0 && (
        <>
          <Title order={3} size="h5" id="network-alone-heading">
            {t('network.aloneTitle', { count: alone.length })}
          </Title>
          <Stack component="ul" gap={4} aria-labelledby="network-alone-heading" style={{ paddingLeft: '1.25rem', margin: 0 }}>
            {alone.map((node) => (
              <li key={node.id}>
                <NodeLink node={node} />
              </li>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
