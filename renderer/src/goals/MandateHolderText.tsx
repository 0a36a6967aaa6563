import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MandateStanding } from '../../../shared/mandates/mandate-state';

export interface HolderTextProps {
  readonly name: string | undefined;
  readonly grantedByName: string | undefined;
  readonly confirmedByName?: string | undefined;
  readonly standing: MandateStanding;
  readonly counts: boolean;
}

/** "Daan: verleend door Daan, bevestigd door Anne", or "… niet bevestigd": who granted a mandate, in the dialog and the draagvlak meter alike. */
export function MandateHolderText({ name, grantedByName, confirmedByName, standing, counts }: HolderTextProps) {
  const { t } = useTranslation();
  const values = { name: name ?? t('goals.unknownMember'), grantor: grantedByName ?? t('goals.unknownMember'), confirmer: confirmedByName ?? t('goals.unknownMember') };
  const line =
    standing === 'administrator'
      ? t('goals.mandateHolderAdmin', values)
      : standing === 'confirmed'
        ? t('goals.mandateHolderConfirmed', values)
        : `${t('goals.mandateHolderLine', values)} — ${counts ? t('goals.mandateNotConfirmedCounts') : t('goals.mandateNotConfirmedIgnored')}`;
  return (
    <Text size="sm" c={counts ? undefined : 'dimmed'} data-testid="mandate-holder">
      {line}
    </Text>
  );
}
