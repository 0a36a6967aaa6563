import { Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface LinksModalProps {
  readonly title: string;
  readonly label: string;
  readonly options: readonly { value: string; label: string }[];
  readonly initial: readonly string[];
  readonly busy: boolean;
  readonly onSave: (ids: string[]) => void;
  readonly onClose: () => void;
}

/** Picks the members, goals or documents linked to a group; ids no longer known stay listed so saving does not drop them by surprise. */
export function LinksModal({ title, label, options, initial, busy, onSave, onClose }: LinksModalProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string[]>([...initial]);
  const known = new Set(options.map((option) => option.value));
  const data = [...options, ...initial.filter((id) => !known.has(id)).map((id) => ({ value: id, label: t('groups.unknownItem', { id }) }))];
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave(value);
        }}
      >
        <Stack>
          <MultiSelect label={label} data={data} value={value} onChange={setValue} searchable clearable comboboxProps={{ withinPortal: true }} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('groups.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
