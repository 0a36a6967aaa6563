import type { LibraryDocument, Sensitivity } from '../../../shared/workspace-doc/documents';

export interface LibraryFilter {
  readonly text: string;
  readonly tag: string | null;
  readonly organisationId: string | null;
  readonly sensitivity: Sensitivity | null;
}

export const NO_FILTER: LibraryFilter = { text: '', tag: null, organisationId: null, sensitivity: null };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

/** Documents that match every set criterion; the text matches title, description, tags and any version's file name, ignoring case and accents. */
export function filterDocuments(documents: readonly LibraryDocument[], filter: LibraryFilter): LibraryDocument[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return documents.filter((document) => {
    if (filter.tag !== null && !document.tags.includes(filter.tag)) return false;
    if (filter.organisationId !== null && document.organisationId !== filter.organisationId) return false;
    if (filter.sensitivity !== null && document.sensitivity !== filter.sensitivity) return false;
    if (words.length === 0) return true;
    const haystack = fold([document.title, document.description, ...document.tags, ...document.versions.map((version) => version.fileName)].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag in use, sorted the Dutch way, each once. */
export function allTags(documents: readonly LibraryDocument[]): string[] {
  return [...new Set(documents.flatMap((document) => document.tags))].sort((a, b) => a.localeCompare(b, 'nl'));
}
