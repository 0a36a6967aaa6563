import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MembershipActionError, type WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { pageErrorText } from '../i18n/error-text';

/**
 * An administrator removes a member from the workspace: after a clear
 * confirmation, a signed removal (shared/membership) that every partner
 * applies; the removed member's connections are closed and refused from then
 * on. What they already have stays on their computer, which the text says.
 */
interface RemoveMemberModalProps {
  readonly membership: WorkspaceMembership;
  /** One person, or every member of an organisation (`organisation` set). */
  readonly members: readonly { publicKey: string; displayName: string }[];
  readonly organisation?: string;
  readonly onClose: () => void;
}

export function RemoveMemberModal({ membership, members, organisation, onClose }: RemoveMemberModalProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const name = members.map((member) => member.displayName).join(', ');
  const remove = () => {
    setBusy(true);
    membership
      .remove(members.map((member) => member.publicKey))
      .then((outcome) => {
        notifications.show({ message: organisation ? t('people.removedOrganisation', { organisation, count: members.length }) : t('people.removed', { name }) });
        if (outcome.generation !== null) notifications.show({ message: t('people.keyRenewed') });
        if (outcome.unreachable.length > 0) notifications.show({ color: 'orange', autoClose: false, message: t('people.keyUnreachable', { names: outcome.unreachable.map((member) => member.displayName).join(', ') }) });
        onClose();
      })
      .catch((error: unknown) => {
        setBusy(false);
        if (error instanceof MembershipActionError) setProblem(pageErrorText(t, error));
        else {
          console.error('Member could not be removed', error);
          setProblem(t('people.removeProblem.failed'));
        }
      });
  };
  return (
    <Modal opened onClose={onClose} title={organisation ? t('people.removeOrganisationTitle', { organisation, count: members.length }) : t('people.removeTitle', { name })}>
      <Stack>
        <Text>{organisation ? t('people.removeOrganisationBody', { organisation, names: name }) : t('people.removeBody', { name })}</Text>
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
