import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A workspace section's heading: its title (the section's accessible name, by `id`), a short intro, and its main actions on the right. */
export function SectionHeading({ id, title, intro, children }: { readonly id: string; readonly title: string; readonly intro: string; readonly children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2} id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {intro}
        </Text>
      </div>
      {children}
    </Group>
  );
}
