import type { Widen } from '../../locale-shape';
import type { filesNl } from '../files';

export const filesEn: Widen<typeof filesNl> = {
  complete: 'Complete and verified',
  progressLabel: 'Progress of {{title}}',
  fetch: 'Fetch',
  missing: 'Not on this device ({{size}}).',
  partial: '{{received}} of {{size}} on this device.',
  waitingForPeer: 'Waiting for a partner who has this file…',
  receiving: 'Fetching: {{received}} of {{size}}',
  verifying: 'Checking against the fingerprint…',
  problemMismatch: 'A partner sent data that does not belong to this file. It was discarded; the file is being fetched from another partner.',
  problemDiskFull: 'The disk is full: the file could not be stored. Free up space and choose Fetch to continue.',
  problemStorage: 'The file could not be stored. Choose Fetch to try again.',
  mismatchNotice: 'Wrong data from a partner refused',
  settingsButton: 'File settings',
  settingsTitle: 'File settings',
  autoDownloadLabel: 'Fetch automatically up to (MB)',
  autoDownloadHelp: 'Smaller files are fetched by themselves, so they are available offline too. Fetch larger ones with Fetch.',
  hardLimitLabel: 'Largest file you can add (MB)',
  settingsInvalid: 'Enter a whole number between {{min}} and {{max}}.',
  autoAboveHard: 'Automatic fetching cannot exceed the largest allowed file size.',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'File settings saved',
} as const;
