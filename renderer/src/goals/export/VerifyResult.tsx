import { Alert, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportStanceCheck } from '../../../../shared/goals/export-record';
import { STANCE_KINDS, type StanceKind } from '../../../../shared/goals/stance';
import type { ExportFileCheck } from '../../../../shared/goals/read-export-file';
import { formatMoment } from '../format';

const isStanceKind = (value: string | undefined): value is StanceKind => (STANCE_KINDS as readonly string[]).includes(value ?? '');

/** The outcome of checking one export file: the verdict first, then every stance with whether its signature holds. */
export function VerifyResult({ check, fileName }: { readonly check: ExportFileCheck; readonly fileName: string }) {
  const { t, i18n } = useTranslation();
  const { record } = check;
  const invalid = check.stances.filter((stance) => stance.problem !== undefined).length;
  const invalidMandates = check.mandates.filter((mandate) => !mandate.valid).length;
  const named = (names: Readonly<Record<string, string>>, id: string | undefined) => (id === undefined ? t('goalExport.verify.unknown') : (names[id] ?? id));
  const adoptedAt = record.adoption.adoptedAt;
  const adoption = record.adoption.adopted && adoptedAt !== undefined ? t('goalExport.verify.adoptedOn', { date: formatMoment(adoptedAt, i18n.resolvedLanguage) }) : t('goalExport.verify.notAdopted');

  // The word carries the verdict; the icon's colour only repeats it (light badges fall short of the contrast minimum).
  const resultOf = (stance: ExportStanceCheck) =>
    stance.problem !== undefined ? (
      <Group gap={4} wrap="nowrap">
        <IconCircleX size={16} color="var(--mantine-color-red-8)" aria-hidden />
        <Text size="sm" c="red.9" fw={500}>
          {t('goalExport.verify.invalid', { reason: t(`goalExport.verify.stanceProblems.${stance.problem}`) })}
        </Text>
      </Group>
    ) : (
      <Group gap={4} wrap="nowrap">
        <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
        <Text size="sm">{stance.onExportedText ? t('goalExport.verify.valid') : t('goalExport.verify.validEarlier')}</Text>
      </Group>
    );

  return (
    <Stack gap="sm">
      <div>
        <Text size="sm">{t('goalExport.verify.file', { name: fileName, format: t(`goalExport.verify.formats.${check.kind}`) })}</Text>
        <Text size="sm" fw={500}>
          {t('goalExport.verify.goal', { title: record.goal.title })}
        </Text>
      </div>
      {check.verified ? (
        <Alert color="green" role="status" title={t('goalExport.verify.allValid')} icon={<IconCircleCheck aria-hidden />}>
          {t('goalExport.verify.allValidDetail', { count: check.stances.length })}
        </Alert>
      ) : (
        <Alert color="red" role="alert" title={t('goalExport.verify.notVerified')} icon={<IconCircleX aria-hidden />}>
          <List size="sm">
            {invalid > 0 && <List.Item>{t('goalExport.verify.invalidCount', { invalid, total: check.stances.length })}</List.Item>}
            {invalidMandates > 0 && <List.Item>{t('goalExport.verify.invalidMandates', { count: invalidMandates })}</List.Item>}
            {!check.goalTextMatches && <List.Item>{t('goalExport.verify.goalTextChanged')}</List.Item>}
            {check.visibleText === 'differs' && <List.Item>{t('goalExport.verify.visibleTextChanged')}</List.Item>}
          </List>
        </Alert>
      )}
      {check.stances.length === 0 ? (
        <Text size="sm">{t('goalExport.verify.noStances')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t('goalExport.verify.stancesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('goalExport.verify.columns.organisation')}</Table.Th>
                <Table.Th>{t('goalExport.verify.columns.member')}</Table.Th>
                <Table.Th>{t('goalExport.verify.columns.stance')}</Table.Th>
                <Table.Th>{t('goalExport.verify.columns.time')}</Table.Th>
                <Table.Th>{t('goalExport.verify.columns.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {check.stances.map((stance, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{named(record.organisations, stance.label.organisationId)}</Table.Td>
                  <Table.Td>{named(record.members, stance.label.memberId)}</Table.Td>
                  <Table.Td>{isStanceKind(stance.label.stance) ? t(`goalExport.verify.stanceKinds.${stance.label.stance}`) : t('goalExport.verify.unknown')}</Table.Td>
                  <Table.Td>{stance.label.at === undefined ? t('goalExport.verify.unknown') : formatMoment(stance.label.at, i18n.resolvedLanguage)}</Table.Td>
                  <Table.Td>{resultOf(stance)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {check.mandates.length > 0 && (
        <Stack gap={4} component="section" aria-label={t('goalExport.verify.mandatesTitle')}>
          <Text size="sm" fw={600}>
            {t('goalExport.verify.mandatesTitle')}
          </Text>
          {check.mandates.map(({ mandate, valid }, index) => (
            <Text key={index} size="sm" c={valid ? undefined : 'red.9'}>
              {t(`goalExport.verify.mandateLine.${mandate.standing}`, {
                holder: named(record.members, mandate.memberId),
                organisation: named(record.organisations, mandate.organisationId),
                grantor: named(record.members, mandate.grantedBy),
                confirmer: named(record.members, mandate.confirmedBy),
              })}{' '}
              — {valid ? (mandate.standing === 'notConfirmed' ? t('goalExport.verify.mandateNotConfirmed') : t('goalExport.verify.mandateValid')) : t('goalExport.verify.mandateInvalid')}
            </Text>
          ))}
        </Stack>
      )}
      {check.kind === 'pdf' && (
        <Text size="xs" c="dimmed">
          {t('goalExport.verify.pdfPagesNote')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('goalExport.verify.adoption', { status: adoption })}
      </Text>
    </Stack>
  );
}
