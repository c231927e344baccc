export type ConsoleQuery =
  | { kind: 'stats'; teamName: string }
  | { kind: 'versus'; player1Id: number | null; player2Id: number | null }
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: string };

const VERSUS = /^versus\?\s+(\S+)\s+(\S+)$/;
const NON_NEGATIVE_INTEGER = /^\d+$/;

/** A player id as written; null when it is too large to be anybody's. */
function parseId(text: string): number | null {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

function parseStats(line: string): ConsoleQuery {
  const first = line.indexOf('"');
  const last = line.lastIndexOf('"');
  if (first === -1 || first === last) {
    return {
      kind: 'invalid',
      reason:
        'stats? needs the team name in double quotes: stats? "<team name>"',
    };
  }
  if (line.slice('stats?'.length, first).trim() !== '') {
    return {
      kind: 'invalid',
      reason: 'stats? takes only the quoted team name: stats? "<team name>"',
    };
  }
  if (last !== line.length - 1) {
    return {
      kind: 'invalid',
      reason: 'nothing may follow the closing quote of the team name',
    };
  }
  return { kind: 'stats', teamName: line.slice(first + 1, last) };
}

function parseVersus(line: string): ConsoleQuery {
  const parts = VERSUS.exec(line);
  if (!parts) {
    return {
      kind: 'invalid',
      reason: 'versus? takes two player ids: versus? <id1> <id2>',
    };
  }
  const [, first, second] = parts;
  for (const id of [first, second]) {
    if (!NON_NEGATIVE_INTEGER.test(id)) {
      return {
        kind: 'invalid',
        reason: `player id must be a non-negative integer, got "${id}"`,
      };
    }
  }
  return {
    kind: 'versus',
    player1Id: parseId(first),
    player2Id: parseId(second),
  };
}

/**
 * One line of the console program's input. Trailing spaces, tabs and `\r`
 * are ignored; the team name is everything between the first and the last
 * double quote, so it may itself contain quotes.
 */
export function parseConsoleQuery(rawLine: string): ConsoleQuery {
  const line = rawLine.replace(/[ \t\r]+$/, '');
  if (line === '') return { kind: 'empty' };
  if (line.startsWith('stats?')) return parseStats(line);
  if (line.startsWith('versus?')) return parseVersus(line);
  const shown = line.length > 40 ? `${line.slice(0, 40)}...` : line;
  return {
    kind: 'invalid',
    reason: `unknown query "${shown}": expected stats? "<team name>" or versus? <id1> <id2>`,
  };
}
