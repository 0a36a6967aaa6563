import { Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { buildNetwork, typesIn, type NetworkNode } from '../../../shared/network/network-model';
import { stakeholderTypeLabel } from '../../../shared/regions';
import { usePeople } from '../people/usePeople';
import { typeColour } from './cytoscape-style';
import { NAMED_PEOPLE_LIMIT, NetworkCanvas } from './NetworkCanvas';
import { profilePath, TiesList } from './TiesList';

/** "Netwerk": organisations and people and their ties, as a picture and as a list, filtered by stakeholder type. */
export function NetworkPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [, navigate] = useLocation();
  const people = usePeople();
  const [types, setTypes] = useState<string[]>([]);
  const model = useMemo(
    () => buildNetwork({ organisations: people.organisations, members: people.members, introductions: people.introductions }, { types: new Set(types) }),
    [people, types],
  );
  const open = useCallback((node: NetworkNode) => navigate(profilePath(node)), [navigate]);
  const people_ = model.nodes.filter((node) => node.kind === 'person').length;
  const summary = t('network.pictureLabel', { organisations: model.nodes.length - people_, people: people_, ties: model.edges.length });
  const headingId = 'network-heading';

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <div>
        <Title order={2} id={headingId}>
          {t('network.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('network.intro')}
        </Text>
      </div>
      <Chip.Group multiple value={types} onChange={setTypes}>
        <Group gap="xs" role="group" aria-label={t('network.filterType')}>
          <Text size="sm" fw={500} aria-hidden>
            {t('network.filterType')}:
          </Text>
          {typesIn(people.organisations).map((type) => (
            <Chip key={type} value={type} size="sm" color={typeColour(type)}>
              {stakeholderTypeLabel(type, language)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Paper withBorder p={0} component="section" aria-label={t('network.pictureRegion')}>
        <NetworkCanvas model={model} label={summary} onOpen={open} />
      </Paper>
      <Text size="xs" c="dimmed">
        {t('network.legend')}
        {model.nodes.filter((node) => node.kind === 'person').length > NAMED_PEOPLE_LIMIT && ` ${t('network.crowdedHint')}`}
      </Text>
      <TiesList model={model} people={people} />
    </Stack>
  );
}
