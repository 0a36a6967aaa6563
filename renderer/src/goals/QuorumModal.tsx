import { FormModal } from '../components/FormModal';
import { NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { QuorumSchema, type Quorum } from '../../../shared/goals/adoption';
import { setQuorum } from '../../../shared/workspace-doc/goals';
import { useStorageAction } from '../hooks/useStorageAction';

/** The bounds QuorumSchema enforces, quoted in the error message. */
const MIN_ORGANISATIONS = { min: 1, max: 1000 } as const;
const PERCENT = { min: 0, max: 100 } as const;

const fits = (value: number | string, bounds: { min: number; max: number }) => typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max;

/** The workspace's decision rule: how many organisations, and what share, must endorse a goal. */
export function QuorumModal({ doc, quorum, onClose }: { doc: Y.Doc; quorum: Quorum; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const [minimum, setMinimum] = useState<number | string>(quorum.minSupportingOrganisations);
  const [percent, setPercent] = useState<number | string>(quorum.minSupportingPercent);
  const [submitted, setSubmitted] = useState(false);
  const minimumError = fits(minimum, MIN_ORGANISATIONS) ? undefined : t('goals.quorumInvalid', MIN_ORGANISATIONS);
  const percentError = fits(percent, PERCENT) ? undefined : t('goals.quorumInvalid', PERCENT);

  const submit = () => {
    setSubmitted(true);
    const parsed = QuorumSchema.safeParse({ minSupportingOrganisations: minimum, minSupportingPercent: percent });
    if (!parsed.success) return;
    void run(() => {
      setQuorum(doc, parsed.data);
      return Promise.resolve();
    }).then((ok) => {
      if (!ok) return;
      notifications.show({ message: t('goals.quorumSaved') });
      onClose();
    });
  };

  return (
    <FormModal title={t('goals.quorumTitle')} onClose={onClose} onSubmit={submit} submitLabel={t('goals.save')} cancelLabel={t('goals.cancel')} busy={busy}>
      <Text size="sm">{t('goals.quorumIntro')}</Text>
      <NumberInput label={t('goals.quorumMin')} value={minimum} onChange={setMinimum} min={MIN_ORGANISATIONS.min} max={MIN_ORGANISATIONS.max} allowDecimal={false} error={submitted ? minimumError : undefined} data-autofocus />
      <NumberInput label={t('goals.quorumPercent')} value={percent} onChange={setPercent} min={PERCENT.min} max={PERCENT.max} allowDecimal={false} suffix="%" error={submitted ? percentError : undefined} />
    </FormModal>
  );
}
