import type { Widen } from '../locale-shape';

/** Het gemeenschapsdashboard en de onboardingchecklist. */
export const dashboardNl = {
  title: 'dashboard',
} as const;

export const dashboardEn: Widen<typeof dashboardNl> = {
  title: 'dashboard',
};
