import { parseConsoleQuery } from './console-query';

describe('parseConsoleQuery', () => {
  it('reads a stats? query', () => {
    expect(parseConsoleQuery('stats? "The Best"')).toEqual({
      kind: 'stats',
      teamName: 'The Best',
    });
  });

  it('takes the name between the first and the last quote, quotes inside included', () => {
    expect(parseConsoleQuery('stats? "The "Real" One"')).toEqual({
      kind: 'stats',
      teamName: 'The "Real" One',
    });
  });

  it('keeps inner and edge spaces of the name as given', () => {
    expect(parseConsoleQuery('stats? "  Two  Spaces "')).toEqual({
      kind: 'stats',
      teamName: '  Two  Spaces ',
    });
  });

  it('reads Cyrillic names', () => {
    expect(parseConsoleQuery('stats? "Вареничная United"')).toEqual({
      kind: 'stats',
      teamName: 'Вареничная United',
    });
  });

  it('accepts an empty name', () => {
    expect(parseConsoleQuery('stats? ""')).toEqual({
      kind: 'stats',
      teamName: '',
    });
  });

  it('ignores trailing spaces, tabs and a carriage return', () => {
    expect(parseConsoleQuery('stats? "Roma"  \t\r')).toEqual({
      kind: 'stats',
      teamName: 'Roma',
    });
    expect(parseConsoleQuery('versus? 5 3\r')).toEqual({
      kind: 'versus',
      player1Id: 5,
      player2Id: 3,
    });
  });

  it('skips empty and blank lines', () => {
    expect(parseConsoleQuery('')).toEqual({ kind: 'empty' });
    expect(parseConsoleQuery('  \r')).toEqual({ kind: 'empty' });
  });

  it('reads a versus? query with extra spaces between the ids', () => {
    expect(parseConsoleQuery('versus?  10   20')).toEqual({
      kind: 'versus',
      player1Id: 10,
      player2Id: 20,
    });
  });

  it('treats an id too large for any player as unknown, not as an error', () => {
    expect(parseConsoleQuery('versus? 99999999999999999999 1')).toEqual({
      kind: 'versus',
      player1Id: null,
      player2Id: 1,
    });
  });

  it.each([
    ['stats? Roma', 'double quotes'],
    ['stats? "Roma', 'double quotes'],
    ['stats? "Roma" x', 'closing quote'],
    ['stats? x "Roma"', 'only the quoted'],
    ['versus? 1', 'two player ids'],
    ['versus? 1 2 3', 'two player ids'],
    ['versus? -1 2', 'non-negative integer'],
    ['versus? 1.5 2', 'non-negative integer'],
    ['versus? a b', 'non-negative integer'],
    ['hello', 'unknown query'],
    ['STATS? "Roma"', 'unknown query'],
  ])('explains what is wrong with %j', (line, reason) => {
    const query = parseConsoleQuery(line);
    expect(query.kind).toBe('invalid');
    expect(query.kind === 'invalid' && query.reason).toContain(reason);
  });
});
