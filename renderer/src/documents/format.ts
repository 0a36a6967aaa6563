/** Sizes as people read them, in the UI language: 512 B, 1,4 kB, 23 MB (powers of 1024, like file managers on Windows). */
export function formatBytes(bytes: number, locale: string | undefined): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A readable type for the list: the extension in capitals, else the MIME subtype, else a dash. */
export function typeLabel(type: string, fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot > 0 && fileName.length - dot <= 6) return fileName.slice(dot + 1).toUpperCase();
  const subtype = type.split('/')[1];
  return subtype ? subtype.toUpperCase() : '–';
}

/** The title a new document gets from its file name: without extension, separators as spaces. */
export function titleFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return stem.replace(/[_]+/g, ' ').trim() || fileName;
}
