import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { INTEREST_FIELDS } from '../../../shared/workspace-doc/interests';
import type { Member } from '../../../shared/workspace-doc/members';
import { CommentThread } from '../comments/CommentThread';
import { useInterestView } from '../read-model/records';
import { formatMoment } from './interests-view';

interface InterestCardProps {
  readonly doc: Y.Doc;
  readonly organisation: Organisation;
  readonly organisations: readonly Organisation[];
  readonly members: ReadonlyMap<string, Member>;
  readonly own: boolean;
  readonly onEdit: (organisation: Organisation) => void;
}

/** One organisation's interests; it reads its own record, so another card's change does not re-render it. */
export const InterestCard = memo(function InterestCard({ doc, organisation, organisations, members, own, onEdit }: InterestCardProps) {
  const { t, i18n } = useTranslation();
  const result = useInterestView(organisation.id, organisations, members);
  const headingId = `interest-${organisation.id}`;
  const view = result?.ok ? result.value : undefined;
  const writerName = view ? (members.get(view.entry.updatedBy)?.displayName ?? t('interests.unknownMember')) : '';

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId} data-testid="interest-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <Title order={3} size="h4" id={headingId}>
              {organisation.name}
            </Title>
            {own && <Badge variant="filled" color="teal.9">{t('interests.own')}</Badge>}
          </Group>
          {own ? (
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(organisation)} aria-label={t('interests.editNamed', { name: organisation.name })}>
              {t('interests.edit')}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              {t('interests.onlyMembers', { name: organisation.name })}
            </Text>
          )}
        </Group>
        {result && !result.ok && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
            {t('interests.damaged', { problem: result.problem })}
          </Alert>
        )}
        {!result && <Text c="dimmed">{t('interests.nothingYet')}</Text>}
        {view && !view.byOrganisationMember && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('interests.foreignTitle')} data-testid="interest-foreign">
            {t('interests.foreignBody', { name: writerName, organisation: organisation.name })}
          </Alert>
        )}
        {view && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {INTEREST_FIELDS.map((field) => (
                <div key={field}>
                  <Title order={4} size="h6">
                    {t(`interests.fields.${field}`)}
                  </Title>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={view.entry[field] ? undefined : 'dimmed'}>
                    {view.entry[field] || t('interests.notFilled')}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            {view.byOrganisationMember && (
              <Text size="xs" c="dimmed">
                {t('interests.updated', { name: writerName, date: formatMoment(view.entry.updatedAt, i18n.resolvedLanguage) })}
              </Text>
            )}
          </>
        )}
        <CommentThread doc={doc} target={{ kind: 'interest', id: organisation.id }} />
      </Stack>
    </Paper>
  );
});
