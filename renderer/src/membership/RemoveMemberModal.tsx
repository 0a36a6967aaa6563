import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MembershipActionError, type WorkspaceMembership } from '../../../shared/membership/workspace-membership';

/**
 * An administrator removes a member from the workspace: after a clear
 * confirmation, a signed removal (shared/membership) that every partner
 * applies; the removed member's connections are closed and refused from then
 * on. What they already have stays on their computer, which the text says.
 */
export function RemoveMemberModal({ membership, member, onClose }: { membership: WorkspaceMembership; member: { publicKey: string; displayName: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const remove = () => {
    setBusy(true);
    membership
      .remove([member.publicKey])
      .then(() => {
        notifications.show({ message: t('people.removed', { name: member.displayName }) });
        onClose();
      })
      .catch((error: unknown) => {
        setBusy(false);
        if (error instanceof MembershipActionError) setProblem(t(`people.removeProblem.${error.problem}`));
        else {
          console.error('Member could not be removed', error);
          setProblem(t('people.removeProblem.failed'));
        }
      });
  };
  return (
    <Modal opened onClose={onClose} title={t('people.removeTitle', { name: member.displayName })}>
      <Stack>
        <Text>{t('people.removeBody', { name: member.displayName })}</Text>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('people.removeCancel')}
          </Button>
          <Button color="red" onClick={remove} loading={busy}>
            {t('people.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
