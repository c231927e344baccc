const MAX_SUGGESTIONS = 5;

function editDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution =
        previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length];
}

/** Case, spacing and Unicode composition do not make names look different. */
function foldForComparison(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Team names close to what was asked: same letters in another case, names
 * containing the query, or names a few edits away. Best first.
 */
export function suggestTeamNames(query: string, names: string[]): string[] {
  const wanted = foldForComparison(query);
  if (wanted === '') return [];
  const tolerance = Math.max(2, Math.floor(Array.from(wanted).length / 3));

  return names
    .map((name) => {
      const candidate = foldForComparison(name);
      const contains =
        candidate !== '' &&
        (candidate.includes(wanted) || wanted.includes(candidate));
      const distance = editDistance(wanted, candidate);
      return { name, rank: contains ? Math.min(distance, 1) : distance };
    })
    .filter(({ rank }) => rank <= tolerance)
    .sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : 1))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ name }) => name);
}
