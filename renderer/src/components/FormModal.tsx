import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FormModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly onSubmit: () => void;
  readonly submitLabel: string;
  readonly cancelLabel: string;
  readonly busy?: boolean;
  readonly submitDisabled?: boolean;
  readonly size?: ModalProps['size'];
  readonly children: ReactNode;
}

/**
 * A modal holding one form: the fields stacked, then Cancel and the submit
 * button. The browser's own validation is off because every field shows its
 * own translated error.
 */
export function FormModal({ title, onClose, onSubmit, submitLabel, cancelLabel, busy, submitDisabled, size, children }: FormModalProps) {
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button type="submit" loading={busy} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
