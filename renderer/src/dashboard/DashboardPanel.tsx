import { Alert, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { dashboardView, type DashboardView } from '../../../shared/dashboard/view';
import type { dashboardNl } from '../i18n/sections/dashboard';
import { useMandateAuthority } from '../goals/useMandateAuthority';
import { useWorkspace } from '../contexts/workspace-context';
import { useRecordSource } from '../read-model/records';
import { ArrivalsList } from './ArrivalsList';
import { BlockCard } from './BlockCard';
import { LaggingSection } from './LaggingSection';
import { OnboardingOverview } from './OnboardingOverview';
import { PerOrganisationTable } from './PerOrganisationTable';
import { useDebouncedDocValue } from './useDebouncedDocValue';

type SeriesKey = keyof typeof dashboardNl.series;

function Blocks({ view }: { view: DashboardView }) {
  const { t, i18n } = useTranslation();
  const { verbinden, bijdragen, samenwerken, samenCreeren, timeline: axis } = view.figures;
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 1 });
  const organisations = view.input.organisations.length;
  const series = (keys: Partial<Record<SeriesKey, readonly number[]>>) => Object.entries(keys).map(([key, values]) => ({ key, label: t(`dashboard.series.${key as SeriesKey}`), values }));
  const ofTotal = (count: number, total: number) => t('dashboard.figures.ofTotal', { count, total });
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <BlockCard
        id="verbinden"
        title={t('dashboard.blocks.verbinden')}
        phase={verbinden.phase}
        reason={t(`dashboard.reason.verbinden.${verbinden.phase}`, { share: percent.format(verbinden.largestComponentShare) })}
        figures={[
          { label: t('dashboard.figures.organisations'), value: String(verbinden.organisations) },
          { label: t('dashboard.figures.members'), value: String(verbinden.members) },
          { label: t('dashboard.figures.introductions'), value: String(verbinden.introductions) },
          { label: t('dashboard.figures.connectedness'), value: t('dashboard.figures.connectednessValue', { count: verbinden.tiesPerMember, share: percent.format(verbinden.largestComponentShare), ties: decimal.format(verbinden.tiesPerMember) }) },
        ]}
        axis={axis}
        series={series({ organisations: verbinden.series.organisations, members: verbinden.series.members, introductions: verbinden.series.introductions })}
      />
      <BlockCard
        id="bijdragen"
        title={t('dashboard.blocks.bijdragen')}
        phase={bijdragen.phase}
        reason={t(`dashboard.reason.bijdragen.${bijdragen.phase}`, { count: bijdragen.contributingOrganisations, total: organisations })}
        figures={[
          { label: t('dashboard.figures.interests'), value: ofTotal(bijdragen.organisationsWithInterests, organisations) },
          { label: t('dashboard.figures.contributing'), value: ofTotal(bijdragen.contributingOrganisations, organisations) },
          { label: t('dashboard.figures.documents'), value: String(bijdragen.documents) },
        ]}
        axis={axis}
        series={series({ organisationsWithInterests: bijdragen.series.organisationsWithInterests, contributingOrganisations: bijdragen.series.contributingOrganisations, documents: bijdragen.series.documents })}
      >
        <PerOrganisationTable rows={bijdragen.perOrganisation} names={view.names} />
      </BlockCard>
      <BlockCard
        id="samenwerken"
        title={t('dashboard.blocks.samenwerken')}
        phase={samenwerken.phase}
        reason={t(`dashboard.reason.samenwerken.${samenwerken.phase}`)}
        figures={[
          { label: t('dashboard.figures.goals'), value: String(samenwerken.goals) },
          { label: t('dashboard.figures.adopted'), value: ofTotal(samenwerken.adopted, samenwerken.goals) },
          { label: t('dashboard.figures.coverage'), value: samenwerken.coverage === null ? t('dashboard.figures.coverageNone') : percent.format(samenwerken.coverage) },
        ]}
        axis={axis}
        series={series({ goals: samenwerken.series.goals, adopted: samenwerken.series.adopted })}
      />
      <BlockCard
        id="samen-creeren"
        title={t('dashboard.blocks.samenCreeren')}
        phase={samenCreeren.phase}
        reason={t(`dashboard.reason.samenCreeren.${samenCreeren.phase}`)}
        figures={[
          { label: t('dashboard.figures.ideas'), value: String(samenCreeren.ideas) },
          { label: t('dashboard.figures.workingGroups'), value: String(samenCreeren.workingGroups) },
          { label: t('dashboard.figures.actionsDone'), value: ofTotal(samenCreeren.actionsDone, samenCreeren.actions) },
          { label: t('dashboard.figures.newParties'), value: String(samenCreeren.newPartyIds.length) },
        ]}
        axis={axis}
        series={series({ ideas: samenCreeren.series.ideas, workingGroups: samenCreeren.series.workingGroups, actionsDone: samenCreeren.series.actionsDone, newParties: samenCreeren.series.newParties })}
      >
        <ArrivalsList arrivals={view.arrivals} names={view.names} />
      </BlockCard>
    </SimpleGrid>
  );
}

/** The community manager's view of the four building blocks, computed from the workspace data itself. */
export function DashboardPanel() {
  const { t } = useTranslation();
  const { doc } = useWorkspace();
  // Until the member list is read, no signed mandate would count: the figures wait for it rather than show wrong ones first.
  const authority = useMandateAuthority();
  const source = useRecordSource();
  const compute = useMemo(() => authority && ((current: Y.Doc, now: Date) => dashboardView(current, now, authority, source)), [authority, source]);
  const computed = useDebouncedDocValue(doc, compute);
  return (
    <Stack component="section" aria-labelledby="dashboard-heading">
      <div>
        <Title order={2} id="dashboard-heading">
          {t('dashboard.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dashboard.intro')}
        </Text>
      </div>
      {computed.status === 'computing' && (
        <Stack align="center" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('dashboard.computing')}</Text>
        </Stack>
      )}
      {computed.status === 'failed' && (
        <Alert color="red" role="alert">
          {t('dashboard.failed', { problem: computed.problem })}
        </Alert>
      )}
      {computed.status === 'ready' && (
        <>
          <Blocks view={computed.value} />
          <LaggingSection lagging={computed.value.figures.lagging} names={computed.value.names} />
          <OnboardingOverview checklists={computed.value.checklists} names={computed.value.names} />
        </>
      )}
    </Stack>
  );
}
