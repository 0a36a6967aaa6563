/** "Anne de Vries" → "AD": the letters on an avatar. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .filter((part, index, parts) => index === 0 || index === parts.length - 1)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
