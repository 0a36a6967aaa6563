import { useTranslation } from 'react-i18next';
import type { DashboardNames } from '../../../shared/dashboard/view';

/** Ids to the names people know them by, with a neutral word when an entry is gone or unreadable. */
export function useNames(names: DashboardNames) {
  const { t } = useTranslation();
  return {
    organisation: (id: string) => names.organisations.get(id) ?? t('dashboard.onboarding.unknownOrganisation'),
    member: (id: string) => names.members.get(id) ?? t('dashboard.onboarding.someone'),
    goal: (id: string) => names.goals.get(id) ?? t('dashboard.onboarding.unknownGoal'),
    workingGroup: (id: string) => names.workingGroups.get(id) ?? t('dashboard.onboarding.unknownGroup'),
  };
}
