/**
 * How an import recognises a source or entity the graph already holds under
 * another id: by its *name key*. A name key is the name lower-cased, with
 * accents, punctuation and a leading "the" removed and spaces collapsed, so
 * "The Syrian Interior Ministry", "syrian interior ministry" and
 * "Syrian Interior-Ministry" all give "syrian interior ministry".
 * Anonymous sources are never matched by name: two reports' "three officials"
 * need not be the same people.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The distinct name keys of every alias, without the name's own key. */
export function aliasKeys(name: string, aliases: readonly string[]): string[] {
  const own = nameKey(name);
  return [...new Set(aliases.map(nameKey))].filter((k) => k !== '' && k !== own);
}
