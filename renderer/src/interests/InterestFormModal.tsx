import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { INTEREST_FIELD_MAX, INTEREST_FIELDS, NotOrganisationMemberError, writeInterest, type InterestFields, type InterestView } from '../../../shared/workspace-doc/interests';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { useStorageAction } from '../hooks/useStorageAction';

interface InterestFormModalProps {
  readonly doc: Y.Doc;
  readonly organisation: Organisation;
  readonly current: ReadResult<InterestView> | undefined;
  readonly memberId: string;
  readonly onClose: () => void;
}

export function InterestFormModal({ doc, organisation, current, memberId, onClose }: InterestFormModalProps) {
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const entry = current?.ok ? current.value.entry : undefined;
  const [values, setValues] = useState<InterestFields>({ interests: entry?.interests ?? '', strategy: entry?.strategy ?? '', redLines: entry?.redLines ?? '', offer: entry?.offer ?? '' });
  const [refused, setRefused] = useState(false);
  const tooLong = INTEREST_FIELDS.filter((field) => values[field].trim().length > INTEREST_FIELD_MAX);

  const submit = () => {
    if (tooLong.length > 0) return;
    let allowed = true;
    void run(async () => {
      try {
        writeInterest(doc, organisation.id, values, { memberId, now: Date.now() });
      } catch (error) {
        if (!(error instanceof NotOrganisationMemberError)) throw error;
        allowed = false;
      }
      return Promise.resolve();
    }).then((ok) => {
      if (!ok) return;
      if (!allowed) {
        setRefused(true);
        return;
      }
      notifications.show({ message: t('interests.saved', { name: organisation.name }) });
      onClose();
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('interests.editTitle', { name: organisation.name })} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {refused && (
            <Alert color="red" role="alert">
              {t('interests.notAllowed')}
            </Alert>
          )}
          {INTEREST_FIELDS.map((field, index) => (
            <Textarea
              key={field}
              label={t(`interests.fields.${field}`)}
              description={t(`interests.hints.${field}`)}
              value={values[field]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((previous) => ({ ...previous, [field]: value }));
              }}
              error={tooLong.includes(field) ? t('interests.tooLong', { max: INTEREST_FIELD_MAX }) : undefined}
              autosize
              minRows={2}
              maxRows={10}
              data-autofocus={index === 0 ? true : undefined}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('interests.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('interests.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
