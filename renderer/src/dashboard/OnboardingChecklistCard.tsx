import { Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { ONBOARDING_STEPS } from '../../../shared/dashboard/onboarding';
import { ownOnboarding } from '../../../shared/dashboard/view';
import { useMandateAuthority } from '../goals/useMandateAuthority';
import { useWorkspace } from '../contexts/workspace-context';
import { useRecordSource } from '../read-model/records';
import { ChecklistSteps } from './ChecklistSteps';
import { useDebouncedDocValue } from './useDebouncedDocValue';

/** Hiding the card is this device's preference, not something to sync to the partners. */
const dismissKey = (workspaceId: string, organisationId: string) => `stroomkring.onboarding.dismissed.${workspaceId}.${organisationId}`;

function readDismissed(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/** The checklist for the own organisation while it is incomplete; shown on Overzicht. */
export function OnboardingChecklistCard() {
  const { t } = useTranslation();
  const { doc, identity, record } = useWorkspace();
  // Until the member list is read, no signed mandate would count: the card waits for it rather than compute twice.
  const authority = useMandateAuthority();
  const source = useRecordSource();
  const compute = useMemo(() => authority && ((current: Y.Doc, now: Date) => ownOnboarding(current, now, identity.memberId, authority, source)), [identity.memberId, authority, source]);
  const computed = useDebouncedDocValue(doc, compute);
  const [dismissedNow, setDismissedNow] = useState<string | undefined>(undefined);
  if (computed.status !== 'ready') return null;
  const own = computed.value;
  if (own.kind === 'unknownMember') return null;
  if (own.kind === 'missing') {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="onboarding-heading" data-testid="onboarding-card">
        <Title order={3} id="onboarding-heading" size="h4">
          {t('dashboard.onboarding.noOrganisationTitle')}
        </Title>
        <Text size="sm">{t('dashboard.onboarding.noOrganisation', { organisation: own.organisationName })}</Text>
        <Anchor component={Link} href="/organisaties" size="sm">
          {t('dashboard.onboarding.addOrganisation')}
        </Anchor>
      </Paper>
    );
  }
  const { checklist, organisationName } = own;
  const key = dismissKey(record.id, checklist.organisationId);
  if (checklist.doneCount === ONBOARDING_STEPS.length || dismissedNow === key || readDismissed(key)) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(key, '1');
    } catch {
      // Storage refused (private mode, quota): hide for this session only.
    }
    setDismissedNow(key);
  };
  const progress = t('dashboard.onboarding.progress', { done: checklist.doneCount, total: ONBOARDING_STEPS.length });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="onboarding-heading" data-testid="onboarding-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} id="onboarding-heading" size="h4">
            {t('dashboard.onboarding.cardTitle', { organisation: organisationName })}
          </Title>
          <Text size="sm" fw={600} data-testid="onboarding-progress">
            {progress}
          </Text>
        </Group>
        <Progress value={(100 * checklist.doneCount) / ONBOARDING_STEPS.length} aria-label={progress} size="sm" />
        <Text size="sm">{t('dashboard.onboarding.cardIntro')}</Text>
        <ChecklistSteps checklist={checklist} label={t('dashboard.onboarding.listLabel', { organisation: organisationName })} />
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" onClick={dismiss}>
            {t('dashboard.onboarding.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
