import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircle, IconCircleCheck, IconCircleDashed, IconProgress } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../shared/dashboard/phases';
import type { Timeline } from '../../../shared/dashboard/timeline';
import { BlockChart, type ChartSeries } from './BlockChart';

export interface Figure {
  readonly label: string;
  readonly value: string;
}

/** Icon and colour repeat what the words say; the phase is always written out, in dark text (a light badge's own text colour is too pale on yellow). */
const PHASE_LOOK: Readonly<Record<Phase, { color: string; Icon: typeof IconCircle }>> = {
  notStarted: { color: 'gray', Icon: IconCircleDashed },
  starting: { color: 'yellow', Icon: IconCircle },
  growing: { color: 'blue', Icon: IconProgress },
  carried: { color: 'green', Icon: IconCircleCheck },
};

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { color, Icon } = PHASE_LOOK[phase];
  return (
    <Badge color={color} c="dark.7" variant="light" size="lg" leftSection={<Icon size={14} aria-hidden />} data-testid="phase-badge" data-phase={phase}>
      {t('dashboard.phase.label', { phase: t(`dashboard.phase.${phase}`) })}
    </Badge>
  );
}

/** One building block: its phase and why, the key figures now, and their course over time. */
export function BlockCard(props: { id: string; title: string; phase: Phase; reason: string; figures: readonly Figure[]; axis: Timeline; series: readonly ChartSeries[]; children?: ReactNode }) {
  const headingId = `dashboard-${props.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={3} id={headingId}>
            {props.title}
          </Title>
          <PhaseBadge phase={props.phase} />
        </Group>
        <Text size="sm">{props.reason}</Text>
        <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing={4} m={0}>
          {props.figures.map((figure) => (
            <div key={figure.label}>
              <Text component="dt" size="xs" c="dimmed">
                {figure.label}
              </Text>
              <Text component="dd" fw={600} m={0}>
                {figure.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {props.children}
        <BlockChart block={props.title} axis={props.axis} series={props.series} />
      </Stack>
    </Paper>
  );
}
