import { NavLink, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { NAVIGATION_GROUPS, type SectionPath } from './workspace-sections';

const ACTIVE_COLOURS = { '--nl-bg': 'var(--mantine-color-teal-9)', '--nl-hover': 'var(--mantine-color-teal-9)', '--nl-color': 'var(--mantine-color-white)' } as CSSProperties;

/**
 * The workspace's sections as a list of links, grouped by building block.
 * A vertical list never wraps however long the names get (in Dutch they
 * are long), and a screen reader hears each group's name before its links.
 * The current section is marked with aria-current, not only by colour.
 */
export function WorkspaceNav({ current }: { readonly current: SectionPath }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap="md">
        {NAVIGATION_GROUPS.map((group) => {
          const headingId = `nav-block-${group.block ?? 'overview'}`;
          return (
            <div key={headingId} role="group" {...(group.block ? { 'aria-labelledby': headingId } : { 'aria-label': t('nav.activity') })}>
              {group.block && (
                <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t(`nav.blocks.${group.block}`)}
                </Text>
              )}
              {group.sections.map((section) => {
                const active = section.path === current;
                return (
                  <NavLink
                    key={section.key}
                    component={Link}
                    href={section.path}
                    label={t(`nav.${section.key}`)}
                    active={active}
                    variant="filled"
                    // Hovered, a filled link turns a shade lighter, too light for white text; the current one keeps its colour.
                    style={active ? ACTIVE_COLOURS : undefined}
                    aria-current={active ? 'page' : undefined}
                    py={6}
                    styles={{ label: { whiteSpace: 'nowrap' } }}
                  />
                );
              })}
            </div>
          );
        })}
      </Stack>
    </nav>
  );
}
