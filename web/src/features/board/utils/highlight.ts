/** Pieces of `text` with the parts matching any of `terms` (case-insensitive) marked. */
export function highlightParts(text: string, terms: readonly string[]): { text: string; match: boolean }[] {
  const wanted = terms.map((term) => term.trim()).filter((term) => term !== '');
  if (wanted.length === 0 || text === '') return [{ text, match: false }];
  const escaped = wanted
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, match: wanted.some((term) => term.toLocaleLowerCase() === piece.toLocaleLowerCase()) }));
}
