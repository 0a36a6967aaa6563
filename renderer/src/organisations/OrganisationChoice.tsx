import { Button, Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import { stakeholderTypeLabel, stakeholderTypes } from '../../../shared/regions';

/** From this many organisations on, the list gets a filter and scrolls: a region's 30 partners fit neither a dialog nor a glance. */
const LONG_LIST = 8;

interface OrganisationChoiceProps {
  readonly label: string;
  readonly description?: string;
  readonly organisations: readonly Organisation[];
  readonly value: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly error?: string | undefined;
  readonly required?: boolean;
  /** Shown after an organisation's name (for example why it cannot be unticked); its checkbox is then disabled. */
  readonly lockedReason?: (organisationId: string) => string | undefined;
}

/**
 * A choice of organisations that stays usable with a whole region: grouped
 * by kind (gemeenten, waterschappen, ...), with a filter and "all" / "none"
 * for long lists. The filter only hides rows; what is ticked stays ticked.
 */
export function OrganisationChoice({ label, description, organisations, value, onChange, error, required = false, lockedReason }: OrganisationChoiceProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [filter, setFilter] = useState('');
  const long = organisations.length >= LONG_LIST;
  const needle = filter.trim().toLocaleLowerCase('nl');
  const shown = needle === '' ? organisations : organisations.filter((organisation) => organisation.name.toLocaleLowerCase('nl').includes(needle));
  const groups = stakeholderTypes
    .map((type) => ({ type, members: shown.filter((organisation) => organisation.type === type.id) }))
    .filter((group) => group.members.length > 0);
  const locked = (id: string) => lockedReason?.(id);
  const keepLocked = (ids: string[]) => [...new Set([...ids, ...value.filter((id) => locked(id) !== undefined)])];

  const rows = groups.map(({ type, members }) => (
    <Stack key={type.id} gap={4} role="group" aria-label={stakeholderTypeLabel(type.id, language)}>
      {groups.length > 1 && (
        <Text size="xs" fw={600} c="dimmed" aria-hidden>
          {stakeholderTypeLabel(type.id, language)}
        </Text>
      )}
      {members.map((organisation) => {
        const reason = locked(organisation.id);
        return <Checkbox key={organisation.id} value={organisation.id} label={organisation.name} disabled={reason !== undefined} description={reason} />;
      })}
    </Stack>
  ));

  return (
    <Checkbox.Group label={label} description={description} value={[...value]} onChange={(ids) => onChange(keepLocked(ids))} error={error} withAsterisk={required}>
      <Stack gap="xs" mt="xs">
        {long && (
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" label={t('organisationChoice.filter')} value={filter} onChange={(event) => setFilter(event.currentTarget.value)} style={{ flex: 1 }} />
            <Button size="xs" variant="default" onClick={() => onChange(organisations.map((organisation) => organisation.id))}>
              {t('organisationChoice.all')}
            </Button>
            <Button size="xs" variant="default" onClick={() => onChange(keepLocked([]))}>
              {t('organisationChoice.none')}
            </Button>
          </Group>
        )}
        {long && (
          <Text size="xs" c="dimmed" aria-live="polite">
            {t('organisationChoice.chosen', { count: value.length, total: organisations.length })}
          </Text>
        )}
        {long ? (
          <ScrollArea.Autosize mah={280} type="auto" offsetScrollbars>
            <Stack gap="sm">{rows}</Stack>
          </ScrollArea.Autosize>
        ) : (
          <Stack gap="sm">{rows}</Stack>
        )}
        {shown.length === 0 && <Text size="sm">{t('organisationChoice.noMatch')}</Text>}
      </Stack>
    </Checkbox.Group>
  );
}
