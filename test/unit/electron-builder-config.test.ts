/**
 * electron-builder cannot package on this machine, so its configuration is
 * checked here instead: against electron-builder's own JSON schema (the one it
 * validates with before building), and for the values that carry security or
 * platform requirements, which a schema cannot know about.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

const config: unknown = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8'));
const schema: unknown = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));

/** The slice of the configuration the assertions below read; everything else is the schema's business. */
const TargetsSchema = z.array(z.object({ target: z.string(), arch: z.array(z.string()) }));
const ConfigSlice = z.object({
  appId: z.string(),
  productName: z.string(),
  asar: z.boolean(),
  npmRebuild: z.boolean(),
  directories: z.object({ output: z.string(), buildResources: z.string() }),
  files: z.array(z.string()),
  electronFuses: z.record(z.string(), z.boolean()),
  win: z.object({ icon: z.string(), target: TargetsSchema }),
  nsis: z.object({ oneClick: z.boolean(), perMachine: z.boolean(), allowToChangeInstallationDirectory: z.boolean(), deleteAppDataOnUninstall: z.boolean() }),
  mac: z.object({
    icon: z.string(),
    category: z.string(),
    hardenedRuntime: z.boolean(),
    target: TargetsSchema,
    extendInfo: z.object({ NSLocalNetworkUsageDescription: z.string(), NSBonjourServices: z.array(z.string()) }),
  }),
  linux: z.object({ icon: z.string(), category: z.string(), target: TargetsSchema }),
});
const builder = ConfigSlice.parse(config);

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own JSON schema', () => {
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
    // strict: false because the schema carries documentation keywords ajv does not know.
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema as object);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches mistakes (so the test above means something)', () => {
    const validate = new Ajv({ strict: false }).compile(schema as object);
    expect(validate({ ...(config as object), electronFuses: { runAsNod: false } })).toBe(false);
    expect(validate({ ...(config as object), nsis: { oneClik: false } })).toBe(false);
    expect(validate({ ...(config as object), asar: 'yes' })).toBe(false);
  });

  it('names the app', () => {
    expect(builder.appId).toBe('nl.stroomkring.app');
    expect(builder.productName).toBe('Stroomkring');
    const pkg = z.object({ productName: z.string(), main: z.string() }).parse(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')));
    expect(pkg.productName).toBe(builder.productName);
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('ships only the build output, in an asar', () => {
    expect(builder.asar).toBe(true);
    expect(builder.npmRebuild).toBe(false);
    expect(builder.directories).toEqual({ output: 'dist', buildResources: 'build' });
    expect(builder.files).toContain('out/**');
    expect(builder.files).toContain('package.json');
    expect(builder.files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**', 'package.json']);
  });

  it('flips every Electron fuse to its hardened value', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a per-user NSIS installer for x64 and arm64 that keeps user data', () => {
    expect(builder.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(builder.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
  });

  it('builds a hardened macOS dmg that may use the local network', () => {
    expect(builder.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(builder.mac.category).toBe('public.app-category.productivity');
    expect(builder.mac.hardenedRuntime).toBe(true);
    const { NSLocalNetworkUsageDescription, NSBonjourServices } = builder.mac.extendInfo;
    expect(NSLocalNetworkUsageDescription).toMatch(/local network/i);
    expect(NSLocalNetworkUsageDescription.length).toBeGreaterThan(40);
    expect(NSBonjourServices).toContain('_stroomkring._tcp');
    for (const service of NSBonjourServices) expect(service).toMatch(/^_[a-z0-9-]{1,15}\._(tcp|udp)$/);
  });

  it('builds a Linux AppImage in the Office category', () => {
    expect(builder.linux.target.map((t) => t.target)).toEqual(['AppImage']);
    expect(builder.linux.category).toBe('Office');
  });

  it('points at icon files that exist and have the right format', () => {
    const magic = (file: string, bytes: number): Buffer => readFileSync(resolve(root, file)).subarray(0, bytes);
    expect(builder.win.icon).toMatch(/\.ico$/);
    expect(builder.mac.icon).toMatch(/\.icns$/);
    expect(builder.linux.icon).toMatch(/\.png$/);
    for (const icon of [builder.win.icon, builder.mac.icon, builder.linux.icon]) expect(existsSync(resolve(root, icon)), icon).toBe(true);
    expect([...magic(builder.win.icon, 4)]).toEqual([0, 0, 1, 0]);
    expect(magic(builder.mac.icon, 4).toString('latin1')).toBe('icns');
    const png = readFileSync(resolve(root, builder.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR width and height: electron-builder wants at least 512, macOS 1024.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
