import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconUsersPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../../shared/network/directory';
import { MemberLink } from './links';

/** One person in the directory: name (to the profile), role, organisation, expertise, presence. */
export function PersonCard({ entry, own, onIntroduce }: { entry: DirectoryEntry; own: boolean; onIntroduce: () => void }) {
  const { t } = useTranslation();
  const { member, organisation, online } = entry;
  return (
    <Card withBorder padding="sm" radius="md" data-testid="person">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} component="span">
              <MemberLink memberId={member.memberId} member={member} />
            </Text>
            {own && (
              <Badge color="gray.7" variant="filled" size="sm">
                {t('people.you')}
              </Badge>
            )}
            {online && (
              <Badge color="teal.9" variant="filled" size="sm">
                {t('people.online')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{[member.role, organisation?.name ?? member.organisationName].filter(Boolean).join(', ')}</Text>
          {(member.expertise ?? []).length > 0 && (
            <Group gap={4}>
              {(member.expertise ?? []).map((tag) => (
                <Badge key={tag} variant="outline" size="sm" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        {!own && (
          <Button size="xs" variant="default" leftSection={<IconUsersPlus size={14} aria-hidden />} aria-label={t('people.introduceNamed', { name: member.displayName })} onClick={onIntroduce}>
            {t('people.introduce')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
