import { Anchor, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconSquare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OnboardingChecklist, OnboardingStep } from '../../../shared/dashboard/onboarding';

/**
 * Where each step is done, relative to the workspace. The profile step ticks
 * on the organisation's description, which is edited on its card under
 * Organisaties; one open goal links straight to it.
 */
export function stepHref(step: OnboardingStep, checklist: OnboardingChecklist): string {
  switch (step) {
    case 'profile':
      return '/organisaties';
    case 'introduced':
      return '/mensen';
    case 'interests':
      return '/belangen';
    case 'goals':
      return checklist.openGoalIds.length === 1 ? `/doelen/${encodeURIComponent(checklist.openGoalIds[0] ?? '')}` : '/doelen';
  }
}

/** The steps as a checklist: tick and written state, so it reads the same without colour or sight. */
export function ChecklistSteps({ checklist, label }: { checklist: OnboardingChecklist; label: string }) {
  const { t } = useTranslation();
  return (
    <List spacing="xs" aria-label={label} listStyleType="none" data-testid="onboarding-steps">
      {checklist.steps.map(({ step, done }) => (
        <List.Item key={step} data-step={step} data-done={done}>
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon size="sm" variant={done ? 'filled' : 'default'} color={done ? 'green' : 'gray'} aria-hidden>
              {done ? <IconCheck size={14} /> : <IconSquare size={10} />}
            </ThemeIcon>
            <Anchor component={Link} href={stepHref(step, checklist)} td={done ? 'line-through' : undefined}>
              {t(`dashboard.onboarding.steps.${step}`)}
            </Anchor>
            <Text size="xs" c="dimmed" data-testid="step-state">
              ({done ? t('dashboard.onboarding.done') : t('dashboard.onboarding.todo')})
            </Text>
          </Group>
          {step === 'goals' && !done && (
            <Text size="xs" c="dimmed" ml={32}>
              {t('dashboard.onboarding.goalsWaiting', { count: checklist.openGoalIds.length })}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
