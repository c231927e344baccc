import { Player } from './league.types';

/** `name` and `surname` joined by one space, leaving out an empty part. */
export function displayName(player: Pick<Player, 'name' | 'surname'>): string {
  if (player.name === '') return player.surname;
  if (player.surname === '') return player.name;
  return `${player.name} ${player.surname}`;
}

/**
 * Orders strings by Unicode code point. JavaScript's `<` compares UTF-16 code
 * units, which puts characters above U+FFFF before U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.charCodeAt(index);
    const right = b.charCodeAt(index);
    if (left === right) continue;
    const leftIsSurrogate = left >= 0xd800 && left <= 0xdfff;
    const rightIsSurrogate = right >= 0xd800 && right <= 0xdfff;
    if (leftIsSurrogate === rightIsSurrogate) return left - right;
    // A surrogate starts a code point above U+FFFF: it sorts after any BMP unit.
    return leftIsSurrogate ? 1 : -1;
  }
  return a.length - b.length;
}

/** A goal difference with its sign: `+5`, `-3`, `0`. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : `${value}`;
}
