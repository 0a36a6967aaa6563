import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { stakeholderTypeLabel } from '../../../shared/regions';
import { organisationRecords } from '../../../shared/workspace-doc/organisations';
import { useOrderedRecords } from '../read-model/records';
import { groupByType } from './group-by-type';
import { OrganisationCard } from './OrganisationCard';
import { OrganisationFormModal } from './OrganisationFormModal';
import { RemoveOrganisationModal } from './RemoveOrganisationModal';

type Dialog = { kind: 'add' } | { kind: 'edit'; organisation: Organisation } | { kind: 'remove'; organisation: Organisation } | null;

export function OrganisationsPanel({ doc, memberId }: { doc: Y.Doc; memberId: string }) {
  const { t, i18n } = useTranslation();
  const results = useOrderedRecords(organisationRecords);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const valid = results.flatMap((result) => (result.ok ? [result.value] : []));
  const damaged = results.flatMap((result) => (result.ok ? [] : [result]));
  const headingId = 'organisations-heading';

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Group justify="space-between">
        <div>
          <Title order={2} id={headingId}>
            {t('organisations.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('organisations.count', { count: valid.length })}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
          {t('organisations.add')}
        </Button>
      </Group>
      {damaged.map((entry) => (
        <Alert key={entry.id} color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('organisations.damaged')} data-testid="damaged-organisation">
          {t('organisations.damagedBody', { problem: entry.problem })}
        </Alert>
      ))}
      {valid.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('organisations.empty')}</Text>
        </Paper>
      )}
      {groupByType(valid).map((group) => (
        <Stack key={group.typeId} gap="xs" component="section" aria-label={stakeholderTypeLabel(group.typeId, i18n.resolvedLanguage ?? 'nl')}>
          <Title order={3} size="h4">
            {t('organisations.group', { type: stakeholderTypeLabel(group.typeId, i18n.resolvedLanguage ?? 'nl'), count: group.organisations.length })}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {group.organisations.map((organisation) => (
              <OrganisationCard
                key={organisation.id}
                organisation={organisation}
                onEdit={() => setDialog({ kind: 'edit', organisation })}
                onRemove={() => setDialog({ kind: 'remove', organisation })}
              />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {dialog?.kind === 'add' && <OrganisationFormModal doc={doc} memberId={memberId} onClose={close} />}
      {dialog?.kind === 'edit' && <OrganisationFormModal doc={doc} memberId={memberId} organisation={dialog.organisation} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveOrganisationModal doc={doc} organisation={dialog.organisation} onClose={close} />}
    </Stack>
  );
}
