/**
 * The user's words for every error Stroomkring raises on purpose, in one
 * place (shared/errors/stroomkring-error.ts says why there is one base).
 *
 * One switch on the error's name: TypeScript narrows each case to its class,
 * so a problem without its text in the locale does not compile, and the
 * `never` at the end does not compile until a new kind has a case. Texts
 * stay in the section of the screen that shows them most (translators see
 * them in context); kinds no screen names get the shared `errors` section.
 *
 * What a screen says about anything else (a bug, a full disk, a platform
 * error) depends on what it was doing ("nothing changed", "your input is
 * kept"), so errorText returns undefined for those and the screen adds its
 * own fallback. The host's own kinds (electron/main) never reach the page as
 * classes: Electron's IPC sends only a message.
 */
import type { TFunction } from 'i18next';
import type { ArchiveError } from '../../../shared/backup/workspace-archive';
import type { WorkspaceFileError } from '../../../shared/backup/workspace-file';
import type { Base64UrlError } from '../../../shared/crypto/base64url';
import type { PassphraseFileError } from '../../../shared/crypto/passphrase-file';
import type { SealedBoxError } from '../../../shared/crypto/sealed-box';
import { isStroomkringError, type ErrorName } from '../../../shared/errors/stroomkring-error';
import type { ExportRecordError } from '../../../shared/goals/export-record';
import type { HistorySegmentError } from '../../../shared/history/history-segment';
import type { InviteCodeError } from '../../../shared/invite/invite-code';
import type { SignedCodeError } from '../../../shared/invite/signed-code';
import type { MandateRecordError } from '../../../shared/mandates/mandate-record';
import type { DeviceLinkError } from '../../../shared/membership/device-link';
import type { IdentityBackupError } from '../../../shared/membership/identity-backup';
import type { KeyRotationError } from '../../../shared/membership/key-rotation';
import type { MembershipRecordError } from '../../../shared/membership/membership-record';
import type { AuthWireError } from '../../../shared/membership/peer-auth';
import type { MembershipActionError } from '../../../shared/membership/workspace-membership';
import type { NotInvitableError } from '../../../shared/rooms/room-doc';
import type { RoomInviteError } from '../../../shared/rooms/room-invite';
import type { FramingError } from '../../../shared/sync/framing';
import type { HubAddressError } from '../../../shared/sync/hub-address';
import type { MeshWireError } from '../../../shared/sync/mesh/wire';
import type { ChangeFormatError } from '../../../shared/sync/signed-changes/change-envelope';
import type { NotCommentAuthorError, UnknownCommentError } from '../../../shared/workspace-doc/comments';
import type { SensitivityNotAllowedError, TooManyVersionsError, UnknownDocumentError } from '../../../shared/workspace-doc/documents';
import type { StanceNotForGoalError, UnknownGoalError } from '../../../shared/workspace-doc/goals';
import type { IdeaChangeNotAllowedError } from '../../../shared/workspace-doc/idea-permissions';
import { IDEA_STATUS_LIMITS, type IdeaReasonRequiredError, type IdeaReasonTooLongError, type InvalidIdeaTransitionError } from '../../../shared/workspace-doc/idea-status';
import type { UnknownIdeaError } from '../../../shared/workspace-doc/ideas';
import type { NotOrganisationMemberError } from '../../../shared/workspace-doc/interests';
import type { SelfIntroductionError } from '../../../shared/workspace-doc/introductions';
import type { MandateActionError, MandateNotAllowedError } from '../../../shared/workspace-doc/mandates';
import type { UnknownMemberError } from '../../../shared/workspace-doc/members';
import type { UnknownOrganisationError } from '../../../shared/workspace-doc/organisations';
import type { GroupChangeNotAllowedError } from '../../../shared/workspace-doc/working-group-permissions';
import type { UnknownActionError, UnknownWorkingGroupError } from '../../../shared/workspace-doc/working-groups';
import type { OtherWorkspaceError } from '../backup/backup-problem';
import type { EmptyFileError, FileTooLargeError, UnreadableFileError } from '../files/file-store';
import type { GoalNotExportableError } from '../goals/export/goal-export-data';
import type { DeviceIdentityError } from '../storage/device-identity-store';
import type { RoomAccessMissingError, RoomJoinError } from '../storage/room-store';
import type { DamagedRecordError } from '../storage/storage-errors';
import type { ArchiveImportError } from '../storage/workspace-archive-store';
import type { WorkspaceKeyMismatchError } from '../storage/workspace-access-store';
import { formatByteSize } from './format-bytes';

/** Kinds only the desktop host (or the region peer) raises; they reach the page as a message, never as a class. */
export const HOST_ERROR_NAMES = ['BridgeArgumentError', 'ExportBusyError', 'ExportSizeError', 'PathOutsideTempError', 'TooManyExportsError', 'UnknownExportTokenError', 'UntrustedSenderError', 'PeerIdentityError'] as const satisfies readonly ErrorName[];

/** Every kind the page can meet; its `name` picks the case below. */
export type PageError =
  | ArchiveError
  | ArchiveImportError
  | AuthWireError
  | Base64UrlError
  | ChangeFormatError
  | DamagedRecordError
  | DeviceIdentityError
  | DeviceLinkError
  | EmptyFileError
  | ExportRecordError
  | FileTooLargeError
  | FramingError
  | GoalNotExportableError
  | GroupChangeNotAllowedError
  | HistorySegmentError
  | HubAddressError
  | IdeaChangeNotAllowedError
  | IdeaReasonRequiredError
  | IdeaReasonTooLongError
  | IdentityBackupError
  | InvalidIdeaTransitionError
  | InviteCodeError
  | KeyRotationError
  | MandateActionError
  | MandateNotAllowedError
  | MandateRecordError
  | MembershipActionError
  | MembershipRecordError
  | MeshWireError
  | NotCommentAuthorError
  | NotInvitableError
  | NotOrganisationMemberError
  | OtherWorkspaceError
  | PassphraseFileError
  | RoomAccessMissingError
  | RoomInviteError
  | RoomJoinError
  | SealedBoxError
  | SelfIntroductionError
  | SensitivityNotAllowedError
  | SignedCodeError
  | StanceNotForGoalError
  | TooManyVersionsError
  | UnknownActionError
  | UnknownCommentError
  | UnknownDocumentError
  | UnknownGoalError
  | UnknownIdeaError
  | UnknownMemberError
  | UnknownOrganisationError
  | UnknownWorkingGroupError
  | UnreadableFileError
  | WorkspaceFileError
  | WorkspaceKeyMismatchError;

// Compile-time check that PageError and the host's kinds together are exactly ERROR_NAMES.
type Missing = Exclude<ErrorName, PageError['name'] | (typeof HOST_ERROR_NAMES)[number]>;
const noKindWithoutText: [Missing] extends [never] ? true : Missing = true;
void noKindWithoutText;

/** The text for an error already known to be one of ours (narrowed by `instanceof` where the flow needs the class). */
export function pageErrorText(t: TFunction, error: PageError, locale?: string): string {
  switch (error.name) {
    case 'InviteCodeError':
      return t(`sync.joinError.${error.problem}`);
    case 'WorkspaceKeyMismatchError':
      return t('sync.joinError.keyMismatch');
    case 'HubAddressError':
      return t('sync.peerAddressInvalid');
    case 'KeyRotationError':
      return t(`sync.keyProblem.${error.problem}`);
    case 'RoomInviteError':
    case 'RoomJoinError':
      return t(`rooms.joinError.${error.problem}`);
    case 'RoomAccessMissingError':
      return t('errors.noRoomKey');
    case 'NotInvitableError':
      return t('errors.notInvitable');
    case 'WorkspaceFileError':
    case 'ArchiveError':
      return t(`backup.problem.${error.problem}`);
    case 'ArchiveImportError':
      return error.problem === 'alreadyHere' ? t('backup.problem.alreadyHere', { name: error.workspaceName }) : t(`backup.problem.${error.problem}`);
    case 'OtherWorkspaceError':
      return t('backup.problem.otherWorkspace', { name: error.workspaceName });
    case 'PassphraseFileError':
    case 'IdentityBackupError':
    case 'DeviceLinkError':
    case 'DeviceIdentityError':
      return t(`devices.problems.${error.problem}`);
    case 'EmptyFileError':
      return t('documents.errors.empty');
    case 'FileTooLargeError':
      return t('documents.errors.tooLarge', { limit: formatByteSize(error.limitBytes, locale) });
    case 'UnreadableFileError':
      return t('documents.errors.unreadable');
    case 'TooManyVersionsError':
      return t('documents.errors.tooManyVersions');
    case 'SensitivityNotAllowedError':
      return t('errors.confidentialOnlyInRoom');
    case 'ExportRecordError':
      return t(`goalExport.verify.problems.${error.problem}`);
    case 'MembershipActionError':
      return t(`people.removeProblem.${error.problem}`);
    case 'MandateActionError':
      return t(`goals.mandateRefused.${error.refusal}`);
    case 'MandateNotAllowedError':
      return t(error.reason === 'holderNotInOrganisation' ? 'goals.mandateRefused.holderNotInOrganisation' : 'goals.mandateRefused.otherOrganisation');
    case 'IdeaChangeNotAllowedError':
    case 'InvalidIdeaTransitionError':
      return t('ideas.notAllowed');
    case 'IdeaReasonRequiredError':
      return t('errors.reasonRequired');
    case 'IdeaReasonTooLongError':
      return t('errors.reasonTooLong', { max: IDEA_STATUS_LIMITS.reason });
    case 'GroupChangeNotAllowedError':
      return t('groups.notAllowed');
    case 'NotOrganisationMemberError':
      return t('errors.notOrganisationMember');
    case 'NotCommentAuthorError':
      return t('errors.notCommentAuthor');
    case 'SelfIntroductionError':
      return t('errors.selfIntroduction');
    case 'StanceNotForGoalError':
      return t('errors.stanceNotForGoal');
    case 'UnknownActionError':
    case 'UnknownCommentError':
    case 'UnknownDocumentError':
    case 'UnknownGoalError':
    case 'UnknownIdeaError':
    case 'UnknownMemberError':
    case 'UnknownOrganisationError':
    case 'UnknownWorkingGroupError':
    case 'GoalNotExportableError':
      return t('errors.gone');
    case 'DamagedRecordError':
      return t('errors.damagedRecord');
    case 'AuthWireError':
    case 'Base64UrlError':
    case 'ChangeFormatError':
    case 'FramingError':
    case 'HistorySegmentError':
    case 'MandateRecordError':
    case 'MembershipRecordError':
    case 'MeshWireError':
    case 'SealedBoxError':
    case 'SignedCodeError':
      return t('errors.unreadableData');
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

const HOST_NAMES: ReadonlySet<string> = new Set<string>(HOST_ERROR_NAMES);

/** The user's words for one of our errors; undefined for anything else, for which the screen has its own fallback. */
export function errorText(t: TFunction, error: unknown, locale?: string): string | undefined {
  if (!isStroomkringError(error) || HOST_NAMES.has(error.name)) return undefined;
  return pageErrorText(t, error as PageError, locale);
}
