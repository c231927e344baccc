import { displayName, signed } from '../league/display-name';
import { Player } from '../league/league.types';

export type Tone = 'positive' | 'negative' | 'zero';

/** A number shown with its sign and coloured by it. */
export interface SignedNumber {
  text: string;
  tone: Tone;
}

export type MatchResult = 'win' | 'draw' | 'loss';

export interface ResultBadge {
  letter: 'W' | 'D' | 'L';
  label: 'Win' | 'Draw' | 'Loss';
  result: MatchResult;
}

const UTC_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function signedNumber(value: number): SignedNumber {
  const tone: Tone = value > 0 ? 'positive' : value < 0 ? 'negative' : 'zero';
  return { text: signed(value), tone };
}

/** One side's result in one match: more goals wins, equal goals draw. */
export function resultFor(scored: number, conceded: number): ResultBadge {
  if (scored > conceded) return { letter: 'W', label: 'Win', result: 'win' };
  if (scored < conceded) return { letter: 'L', label: 'Loss', result: 'loss' };
  return { letter: 'D', label: 'Draw', result: 'draw' };
}

/** `4 Dec 2026, 16:25 UTC`: the same for every reader, wherever they are. */
export function formatUtc(date: Date): string {
  return `${UTC_FORMAT.format(date)} UTC`;
}

/** The noun that goes with a count: `1 match`, `0 matches`. */
export function nounFor(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

export function countOf(count: number, one: string, many: string): string {
  return `${count} ${nounFor(count, one, many)}`;
}

/** The display name, or the id when the upstream gave neither name part. */
export function playerLabel(
  player: Pick<Player, 'id' | 'name' | 'surname'>,
): string {
  return displayName(player) || `Player #${player.id}`;
}

export function teamPageHref(teamName: string): string {
  return `/front/stats?team_name=${encodeURIComponent(teamName)}`;
}

export function goalsPageHref(playerId: number): string {
  return `/front/goals?player_id=${playerId}`;
}
