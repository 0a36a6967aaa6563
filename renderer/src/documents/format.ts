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
