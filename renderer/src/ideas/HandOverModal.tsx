import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingGroup } from '../../../shared/workspace-doc/working-groups';

interface HandOverModalProps {
  readonly title: string;
  /** The groups this member may hand the idea to: those they belong to (idea-permissions.ts). */
  readonly groups: readonly WorkingGroup[];
  /** A group just started from here, chosen already. */
  readonly preselected?: string;
  readonly busy: boolean;
  readonly onHandOver: (groupId: string) => void;
  readonly onCreateGroup: () => void;
  readonly onClose: () => void;
}

/** "Naar werkgroep": a working group takes the idea up; without a group of one's own, start one from here. */
export function HandOverModal({ title, groups, preselected, busy, onHandOver, onCreateGroup, onClose }: HandOverModalProps) {
  const { t } = useTranslation();
  const [groupId, setGroupId] = useState<string | null>(preselected ?? (groups.length === 1 ? (groups[0]?.id ?? null) : null));
  const [problem, setProblem] = useState<string | undefined>();
  const chosen = groupId ?? preselected ?? null;
  return (
    <Modal opened onClose={onClose} title={t('ideas.handOverTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen && groups.some((group) => group.id === chosen)) onHandOver(chosen);
          else setProblem(t('ideas.groupRequired'));
        }}
      >
        <Stack>
          <Text size="sm">{t('ideas.handOverIntro', { title })}</Text>
          {groups.length === 0 && <Text size="sm">{t('ideas.noOwnGroups')}</Text>}
          {groups.length > 0 && (
            <Select
              label={t('ideas.groupField')}
              data={groups.map((group) => ({ value: group.id, label: group.name }))}
              value={chosen}
              onChange={(value) => {
                setGroupId(value);
                setProblem(undefined);
              }}
              error={problem}
              allowDeselect={false}
              searchable
              required
              data-autofocus
            />
          )}
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={onCreateGroup}>
              {t('ideas.createGroup')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('ideas.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={groups.length === 0}>
                {t('ideas.handOver')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
