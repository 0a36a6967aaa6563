import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationContribution } from '../../../shared/dashboard/figures';
import type { DashboardNames } from '../../../shared/dashboard/view';
import { useNames } from './names';
import { ScrollableTable } from '../components/ScrollableTable';

/** Bijdragen per organisation: interests on the table, documents shared. */
export function PerOrganisationTable({ rows, names }: { rows: readonly OrganisationContribution[]; names: DashboardNames }) {
  const { t } = useTranslation();
  const name = useNames(names);
  if (rows.length === 0) return null;
  return (
    <ScrollableTable label={t('dashboard.perOrganisation.title')} minWidth={280} maxHeight={220}>
      <Table withTableBorder captionSide="top" verticalSpacing={4} fz="sm" data-testid="per-organisation">
        <Table.Caption>{t('dashboard.perOrganisation.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.perOrganisation.organisation')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.perOrganisation.interests')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.perOrganisation.documents')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.organisationId}>
              <Table.Th scope="row" fw="normal">
                {name.organisation(row.organisationId)}
              </Table.Th>
              <Table.Td>{row.hasInterests ? t('dashboard.perOrganisation.yes') : t('dashboard.perOrganisation.no')}</Table.Td>
              <Table.Td>{row.documents}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollableTable>
  );
}
