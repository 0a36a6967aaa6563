import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The process boundary is a lint rule; this proves the rule bites. */
describe('renderer/shared import boundary', () => {
  const eslint = new ESLint();

  it.each([
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/x.ts', "import { join } from 'path';\nexport const x = join;\n"],
    ['renderer/src/x.tsx', "import cp from 'child_process';\nexport const x = cp;\n"],
  ])('refuses Node/Electron imports in %s', async (filePath, code) => {
    const [result] = await eslint.lintText(code, { filePath });
    expect(result?.messages.map((message) => message.ruleId)).toContain('no-restricted-imports');
  });

  it('allows the same import in electron/', async () => {
    const [result] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", { filePath: 'electron/main/x.ts' });
    expect(result?.messages.filter((message) => message.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
