import { ActionIcon, Anchor, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Organisation } from '../../../shared/domain/organisation';
import { host } from '../host';

export function OrganisationCard({ organisation, onEdit, onRemove }: { organisation: Organisation; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const { name, description, website } = organisation;
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} component="h4" m={0}>
            <Anchor component={Link} href={`/organisaties/${encodeURIComponent(organisation.id)}`} inherit>
              {name}
            </Anchor>
          </Text>
          {description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {description}
            </Text>
          )}
          {website && (
            <Anchor
              size="sm"
              href={website}
              aria-label={t('organisations.visitWebsite', { name })}
              onClick={(event) => {
                event.preventDefault();
                host.shell.openExternal(website).catch((error: unknown) => console.error('openExternal failed', error));
              }}
            >
              {website.replace(/^https?:\/\//, '')}
            </Anchor>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('organisations.edit')}>
            <ActionIcon variant="subtle" aria-label={t('organisations.editNamed', { name })} onClick={onEdit}>
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('organisations.remove')}>
            <ActionIcon variant="subtle" color="red" aria-label={t('organisations.removeNamed', { name })} onClick={onRemove}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}
