import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { VerifyExportButton } from './VerifyExportButton';
import { notifications } from '@mantine/notifications';
import { IconFileDownload } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_LABELS_EN, EXPORT_LABELS_NL, exportGoalMarkdown } from '../../../../shared/goals/export-markdown';
import { saveCopy } from '../../documents/export-file';
import { useWorkspace } from '../../contexts/workspace-context';
import { useGoalAdoption } from '../useGoalAdoption';
import { useMandateAuthority } from '../useMandateAuthority';
import { exportFileName, gatherGoalExport, type GoalExportData } from './goal-export-data';

type Format = 'md' | 'pdf';

async function render(format: Format, data: GoalExportData, english: boolean): Promise<Blob> {
  const options = { exportedAt: Date.now(), organisationNames: data.organisationNames, memberNames: data.memberNames, mandates: data.mandates };
  if (format === 'md') {
    const markdown = await exportGoalMarkdown(data.goal, data.stances, data.adoption, { ...options, labels: english ? EXPORT_LABELS_EN : EXPORT_LABELS_NL });
    return new Blob([markdown], { type: 'text/markdown;charset=utf-8' });
  }
  // pdf-lib is large and only needed here: loaded on the first PDF export, not with the app.
  const { exportGoalPdf, PDF_LABELS_EN, PDF_LABELS_NL } = await import('../../../../shared/goals/export-pdf');
  const pdf = await exportGoalPdf(data.goal, data.stances, data.adoption, { ...options, labels: english ? PDF_LABELS_EN : PDF_LABELS_NL });
  return new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}

/** Export an adopted goal as Markdown or PDF, in the UI language, saved like any copy of a file. */
export function GoalExportButtons({ goalId }: { readonly goalId: string }) {
  const { t, i18n } = useTranslation();
  const { doc } = useWorkspace();
  const adoption = useGoalAdoption(doc, goalId);
  const authority = useMandateAuthority();
  const [busy, setBusy] = useState<Format | undefined>();
  const headingId = useId();
  const hintId = useId();
  // While a change is proposed, the adopted version stays in force and is what is exported.
  const adopted = adoption.status === 'ready' && adoption.standing.inForce !== undefined;

  const exportAs = async (format: Format) => {
    setBusy(format);
    try {
      if (authority === undefined) return;
      const data = await gatherGoalExport(doc, goalId, authority);
      const name = exportFileName(data.goal.title, format);
      const result = await saveCopy(await render(format, data, i18n.resolvedLanguage === 'en'), name);
      if (result.ok) {
        notifications.show({ message: t('goalExport.exported', { name }) });
        if (data.leftOut > 0) notifications.show({ color: 'orange', message: t('goalExport.leftOut', { count: data.leftOut }) });
      } else if (result.problem !== 'cancelled') {
        notifications.show({ color: 'red', message: t(`goalExport.exportFailed.${result.problem}`), autoClose: false });
      }
    } catch (error) {
      console.error('Exporting a goal failed', error);
      notifications.show({ color: 'red', message: t('goalExport.exportFailed.failed'), autoClose: false });
    } finally {
      setBusy(undefined);
    }
  };

  const hint = adoption.status === 'loading' ? t('goalExport.computing') : adopted ? t('goalExport.intro') : t('goalExport.onlyAdopted');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} id={headingId}>
          {t('goalExport.title')}
        </Title>
        <Text size="sm" c={adopted ? undefined : 'dimmed'} id={hintId}>
          {hint}
        </Text>
        <Group gap="xs">
          {(['md', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              variant="default"
              leftSection={<IconFileDownload size={16} aria-hidden />}
              disabled={!adopted || (busy !== undefined && busy !== format)}
              loading={busy === format}
              aria-describedby={hintId}
              onClick={() => void exportAs(format)}
            >
              {format === 'md' ? t('goalExport.exportMarkdown') : t('goalExport.exportPdf')}
            </Button>
          ))}
          {/* Beside the exports: a file made here, or one a partner sent, is checked where it is made. */}
          <VerifyExportButton />
        </Group>
      </Stack>
    </Paper>
  );
}
