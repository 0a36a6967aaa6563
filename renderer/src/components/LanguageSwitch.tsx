import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/useLanguage';
import { LanguageSchema } from '../storage/settings-store';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={language}
        onChange={(value) => {
          const parsed = LanguageSchema.safeParse(value);
          if (parsed.success) void setLanguage(parsed.data);
        }}
        data={[
          { value: 'nl', label: <span lang="nl">{t('language.nl')}</span> },
          { value: 'en', label: <span lang="en">{t('language.en')}</span> },
        ]}
      />
    </div>
  );
}
