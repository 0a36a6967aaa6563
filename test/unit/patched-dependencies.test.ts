/**
 * A patch in patches/ is written against one exact version of its package;
 * patch-package applies it only to that version. So every patched package is
 * pinned (no range) in package.json and installed at exactly that version.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const patches = readdirSync(resolve(root, 'patches')).filter((name) => name.endsWith('.patch'));

describe('patched dependencies', () => {
  it.each(patches)('%s is for the exact version package.json pins and node_modules holds', (file) => {
    const match = /^(.+)\+(\d+\.\d+\.\d+)\.patch$/.exec(file);
    expect(match, `patch file name ${file}`).not.toBeNull();
    const [, name, version] = match as unknown as [string, string, string];
    expect(manifest.dependencies[name] ?? manifest.devDependencies[name]).toBe(version);
    const installed = JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(version);
  });
});
