import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceFileError } from '../../../shared/backup/workspace-file';
import { ERROR_NAMES } from '../../../shared/errors/stroomkring-error';
import { InviteCodeError } from '../../../shared/invite/invite-code';
import { UnknownGoalError } from '../../../shared/workspace-doc/goals';
import { IdeaReasonTooLongError } from '../../../shared/workspace-doc/idea-status';
import { MandateActionError } from '../../../shared/workspace-doc/mandates';
import { OtherWorkspaceError } from '../backup/backup-problem';
import { FileTooLargeError } from '../files/file-store';
import { ArchiveImportError } from '../storage/workspace-archive-store';
import { en } from './en';
import { errorText, HOST_ERROR_NAMES } from './error-text';
import { nl } from './nl';

let nlT: TFunction;
let enT: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', interpolation: { escapeValue: false } });
  nlT = instance.getFixedT('nl');
  enT = instance.getFixedT('en');
});

describe('errorText', () => {
  it('gives each kind its text, with the values it carries, in Dutch and English', () => {
    expect(errorText(nlT, new InviteCodeError('truncated', 'x'))).toBe(nl.sync.joinError.truncated);
    expect(errorText(enT, new InviteCodeError('truncated', 'x'))).toBe(en.sync.joinError.truncated);
    expect(errorText(nlT, new WorkspaceFileError('wrongSecret', 'x'))).toBe(nl.backup.problem.wrongSecret);
    expect(errorText(nlT, new MandateActionError('ownGrant'))).toBe(nl.goals.mandateRefused.ownGrant);
    expect(errorText(nlT, new UnknownGoalError('g1'))).toBe(nl.errors.gone);
    expect(errorText(nlT, new OtherWorkspaceError('RES Noord'))).toContain('RES Noord');
    expect(errorText(nlT, new ArchiveImportError('alreadyHere', 'w1', 'RES Zuid'))).toContain('RES Zuid');
    expect(errorText(nlT, new IdeaReasonTooLongError())).toContain('1000');
    expect(errorText(enT, new FileTooLargeError(5 * 1024 * 1024), 'en')).toContain('5 MB');
  });

  it('leaves bugs, platform errors and the host’s kinds to the screen', () => {
    expect(errorText(nlT, new TypeError('x is undefined'))).toBeUndefined();
    expect(errorText(nlT, new DOMException('full', 'QuotaExceededError'))).toBeUndefined();
    expect(errorText(nlT, 'a string')).toBeUndefined();
  });

  it('names every kind once, and the host’s kinds among them', () => {
    expect(new Set(ERROR_NAMES).size).toBe(ERROR_NAMES.length);
    for (const name of HOST_ERROR_NAMES) expect(ERROR_NAMES).toContain(name);
  });
});
