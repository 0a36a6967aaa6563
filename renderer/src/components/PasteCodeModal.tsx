import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

export interface PasteCodeModalProps {
  readonly title: string;
  readonly intro: string;
  readonly label: string;
  readonly cancelLabel: string;
  readonly submitLabel: string;
  /** Tries the pasted code; resolves to a message to show at the field, or undefined when it went through. */
  readonly onSubmit: (code: string) => Promise<string | undefined>;
  /** A storage write the caller started is still running. */
  readonly busy: boolean;
  readonly onClose: () => void;
}

/** The dialog for a code a partner handed over (workspace invite, room code): paste, check, explain at the field. */
export function PasteCodeModal({ title, intro, label, cancelLabel, submitLabel, onSubmit, busy, onClose }: PasteCodeModalProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async () => {
    setChecking(true);
    try {
      setError((await onSubmit(code)) ?? null);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{intro}</Text>
          <Textarea
            label={label}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button type="submit" loading={busy || checking}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
