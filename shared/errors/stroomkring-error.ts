/**
 * One base for every error Stroomkring raises on purpose, after Dexie's
 * DexieError: each kind is a subclass whose `name` is one of ERROR_NAMES,
 * and kinds with several causes carry a `problem` that says which.
 *
 * Why one base:
 * - Code that must tell our refusals from bugs asks `isStroomkringError`
 *   (an unexpected TypeError is a bug; a refused invite code is not).
 * - The user's words for an error come from one mapping, keyed by name and
 *   problem (renderer/src/i18n/error-text.ts); a new kind that is not in
 *   ERROR_NAMES does not compile, and the mapping's exhaustive switch does
 *   not compile until the new kind has its text.
 * - `name` survives where a class does not (a log line, a message over
 *   Electron's IPC), as Dexie's names do.
 *
 * The English `message` stays what it is: a developer's detail for logs and
 * the "unexpected" text, never shown as the whole story.
 */

export const ERROR_NAMES = [
  // Codes, files and formats that arrive from outside.
  'ArchiveError',
  'ArchiveImportError',
  'AuthWireError',
  'Base64UrlError',
  'ChangeFormatError',
  'DeviceLinkError',
  'ExportRecordError',
  'FramingError',
  'HistorySegmentError',
  'HubAddressError',
  'IdentityBackupError',
  'InviteCodeError',
  'MandateRecordError',
  'MembershipRecordError',
  'MeshWireError',
  'OtherWorkspaceError',
  'PassphraseFileError',
  'RoomInviteError',
  'SealedBoxError',
  'SignedCodeError',
  'WorkspaceFileError',
  // Rules of the workspace that refuse a change.
  'GroupChangeNotAllowedError',
  'IdeaChangeNotAllowedError',
  'IdeaReasonRequiredError',
  'IdeaReasonTooLongError',
  'InvalidIdeaTransitionError',
  'KeyRotationError',
  'MandateActionError',
  'MandateNotAllowedError',
  'MembershipActionError',
  'NotCommentAuthorError',
  'NotInvitableError',
  'NotOrganisationMemberError',
  'SelfIntroductionError',
  'SensitivityNotAllowedError',
  'StanceNotForGoalError',
  'TooManyVersionsError',
  // Something named that is not (or no longer) there.
  'GoalNotExportableError',
  'UnknownActionError',
  'UnknownCommentError',
  'UnknownDocumentError',
  'UnknownGoalError',
  'UnknownIdeaError',
  'UnknownMemberError',
  'UnknownOrganisationError',
  'UnknownWorkingGroupError',
  // This device's storage and files.
  'DamagedRecordError',
  'DeviceIdentityError',
  'EmptyFileError',
  'FileTooLargeError',
  'RoomAccessMissingError',
  'RoomJoinError',
  'UnreadableFileError',
  'WorkspaceKeyMismatchError',
  // The desktop host (electron/main): refused calls over the bridge.
  'BridgeArgumentError',
  'ExportBusyError',
  'ExportSizeError',
  'PathOutsideTempError',
  'TooManyExportsError',
  'UnknownExportTokenError',
  'UntrustedSenderError',
  // The region peer (electron/peer): its data directory.
  'PeerIdentityError',
] as const;

export type ErrorName = (typeof ERROR_NAMES)[number];

export abstract class StroomkringError extends Error {
  abstract override readonly name: ErrorName;
}

/** Ours, as opposed to a bug or a platform error. */
export function isStroomkringError(error: unknown): error is StroomkringError {
  return error instanceof StroomkringError;
}

/** The developer's detail of anything thrown, for logs and the "unexpected" text. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
