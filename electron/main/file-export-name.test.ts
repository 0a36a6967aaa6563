import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FALLBACK_FILE_NAME, MAX_FILE_NAME_BYTES, safeFileName } from './file-export-name';

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('safeFileName', () => {
  it.each([
    ['Netkaart 2030.pdf', 'Netkaart 2030.pdf'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..\\..\\Windows\\System32\\drivers', '_.._Windows_System32_drivers'],
    ['/absolute/path.txt', '_absolute_path.txt'],
    ['C:\\Users\\x\\a.txt', 'C__Users_x_a.txt'],
    ['..', FALLBACK_FILE_NAME],
    ['.', FALLBACK_FILE_NAME],
    ['', FALLBACK_FILE_NAME],
    ['   ', FALLBACK_FILE_NAME],
    ['.bashrc', 'bashrc'],
    ['verslag. ', 'verslag'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h'],
    ['regel\nnieuw\u0000.txt', 'regel_nieuw_.txt'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Nul .tar.gz', '_Nul .tar.gz'],
    ['COM1.log', '_COM1.log'],
    ['LPT9', '_LPT9'],
    ['COM¹', '_COM¹'],
    ['CONIN$', '_CONIN$'],
    ['CONSOLE.txt', 'CONSOLE.txt'],
    ['COM10.txt', 'COM10.txt'],
  ])('%j becomes %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('shortens long names to the byte limit, keeping the extension and whole characters', () => {
    const name = safeFileName(`${'ë'.repeat(300)}.pdf`);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name).toMatch(/^ë+\.pdf$/);
    const emoji = safeFileName('🔋'.repeat(100));
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect([...emoji].every((char) => char === '🔋')).toBe(true);
  });

  it('always yields one harmless path component', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) => {
        const name = safeFileName(input);
        expect(name.length).toBeGreaterThan(0);
        // eslint-disable-next-line no-control-regex -- the point is that none survive
        expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
        expect(name.startsWith('.')).toBe(false);
        expect(name).not.toMatch(/[ .]$/);
        expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test((name.split('.')[0] ?? '').trimEnd())).toBe(false);
        expect(safeFileName(name)).toBe(name);
      }),
    );
  });
});
