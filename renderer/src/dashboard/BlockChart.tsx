import { Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Timeline } from '../../../shared/dashboard/timeline';
import { dateFormatter } from '../i18n/format-date';
import { ScrollableTable } from '../components/ScrollableTable';

export interface ChartSeries {
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
}

/** Fixed: ResponsiveContainer measures its parent, which must not depend on the chart's own height. */
export const CHART_HEIGHT = 200;

/** Lines differ in dash pattern as well as colour, so they stay apart without colour vision and in print. */
const LINE_STYLES = [
  { stroke: '#1c7ed6', dash: undefined },
  { stroke: '#e8590c', dash: '6 3' },
  { stroke: '#2b8a3e', dash: '2 3' },
  { stroke: '#862e9c', dash: '10 4 2 4' },
] as const;

/**
 * One building block's series over time: a line chart for the eye, labelled
 * as an image with a summary, and the same numbers as a table behind a
 * disclosure for screen readers and for reading exact values.
 */
export function BlockChart({ block, axis, series }: { block: string; axis: Timeline; series: readonly ChartSeries[] }) {
  const { t, i18n } = useTranslation();
  const dateFormat = dateFormatter('chartDay', i18n.resolvedLanguage);
  const formatDay = (start: number) => dateFormat.format(start);
  const data = axis.starts.map((start, index) => ({ start, ...Object.fromEntries(series.map((s) => [s.key, s.values[index] ?? 0])) }));
  const summary = series.map((s) => t('dashboard.chart.summaryItem', { series: s.label, from: s.values[0] ?? 0, to: s.values.at(-1) ?? 0 })).join('; ');
  const first = axis.starts[0];
  const label = t('dashboard.chart.label', { block, summary: first === undefined ? summary : `${formatDay(first)}: ${summary}` });
  return (
    <Box>
      <div role="img" aria-label={label} data-testid="dashboard-chart" style={{ width: '100%', height: CHART_HEIGHT }}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 400, height: CHART_HEIGHT }}>
          <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
            <XAxis dataKey="start" tickFormatter={formatDay} tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip labelFormatter={(value) => (typeof value === 'number' ? formatDay(value) : String(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {series.map((s, index) => {
              const style = LINE_STYLES[index % LINE_STYLES.length] ?? LINE_STYLES[0];
              return <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash} dot={axis.starts.length <= 1} isAnimationActive={false} />;
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>
          <Text component="span" size="sm">
            {t('dashboard.chart.showTable')}
          </Text>
        </summary>
        <ScrollableTable label={t('dashboard.chart.tableCaption', { block, unit: t(`dashboard.chart.unit.${axis.unit}`) })} minWidth={300} maxHeight={240}>
          <Table striped withTableBorder captionSide="top">
            <Table.Caption>{t('dashboard.chart.tableCaption', { block, unit: t(`dashboard.chart.unit.${axis.unit}`) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.chart.date')}</Table.Th>
                {series.map((s) => (
                  <Table.Th scope="col" key={s.key}>
                    {s.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {axis.starts.map((start, index) => (
                <Table.Tr key={start}>
                  <Table.Th scope="row">{formatDay(start)}</Table.Th>
                  {series.map((s) => (
                    <Table.Td key={s.key}>{s.values[index] ?? 0}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      </details>
    </Box>
  );
}
