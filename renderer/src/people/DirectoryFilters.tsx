import { Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { expertiseTags, type DirectoryQuery } from '../../../shared/network/directory';
import { typesIn } from '../../../shared/network/network-model';
import { stakeholderTypeLabel } from '../../../shared/regions';
import type { People } from './usePeople';

export function DirectoryFilters({ people, query, onChange }: { people: People; query: DirectoryQuery; onChange: (query: DirectoryQuery) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('people.searchLabel')}>
      <TextInput
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query.text}
        onChange={(event) => onChange({ ...query, text: event.currentTarget.value })}
        style={{ flex: '1 1 16rem' }}
      />
      <MultiSelect
        label={t('people.filterType')}
        placeholder={query.types.size === 0 ? t('people.filterAll') : undefined}
        data={typesIn(people.organisations).map((type) => ({ value: type, label: stakeholderTypeLabel(type, language) }))}
        value={[...query.types]}
        onChange={(types) => onChange({ ...query, types: new Set(types) })}
        clearable
        style={{ flex: '1 1 12rem' }}
      />
      <Select
        label={t('people.filterOrganisation')}
        placeholder={t('people.filterAll')}
        data={people.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        value={query.organisationId ?? null}
        onChange={(value) => onChange({ ...query, organisationId: value ?? undefined })}
        clearable
        searchable
        style={{ flex: '1 1 12rem' }}
      />
      <Select
        label={t('people.filterExpertise')}
        placeholder={t('people.filterAll')}
        data={expertiseTags(people.members)}
        value={query.expertise ?? null}
        onChange={(value) => onChange({ ...query, expertise: value ?? undefined })}
        clearable
        searchable
        style={{ flex: '1 1 12rem' }}
      />
      <Switch label={t('people.onlineOnly')} checked={query.onlineOnly} onChange={(event) => onChange({ ...query, onlineOnly: event.currentTarget.checked })} mb={8} />
    </Group>
  );
}
