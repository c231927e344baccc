import {
  countOf,
  formatUtc,
  goalsPageHref,
  nounFor,
  playerLabel,
  resultFor,
  signedNumber,
  teamPageHref,
} from './page-format';

describe('page formatting', () => {
  it('signs a goal difference and tones it by its sign', () => {
    expect(signedNumber(20)).toEqual({ text: '+20', tone: 'positive' });
    expect(signedNumber(-3)).toEqual({ text: '-3', tone: 'negative' });
    expect(signedNumber(0)).toEqual({ text: '0', tone: 'zero' });
  });

  it('gives the side with more goals a win, fewer a loss, equal a draw', () => {
    expect(resultFor(2, 1)).toEqual({
      letter: 'W',
      label: 'Win',
      result: 'win',
    });
    expect(resultFor(0, 3)).toEqual({
      letter: 'L',
      label: 'Loss',
      result: 'loss',
    });
    expect(resultFor(4, 4)).toEqual({
      letter: 'D',
      label: 'Draw',
      result: 'draw',
    });
  });

  it('writes times in UTC whatever the server time zone', () => {
    expect(formatUtc(new Date('2025-05-31T23:05:59.999Z'))).toBe(
      '31 May 2025, 23:05 UTC',
    );
    expect(formatUtc(new Date('2026-01-02T00:00:00Z'))).toBe(
      '2 Jan 2026, 00:00 UTC',
    );
  });

  it('puts the singular noun after exactly one', () => {
    expect(nounFor(1, 'match', 'matches')).toBe('match');
    expect(nounFor(0, 'match', 'matches')).toBe('matches');
    expect(countOf(39, 'match', 'matches')).toBe('39 matches');
    expect(countOf(1, 'goal', 'goals')).toBe('1 goal');
  });

  it('shows a player without any name part by id', () => {
    expect(playerLabel({ id: 2, name: 'Pele', surname: '' })).toBe('Pele');
    expect(playerLabel({ id: 1, name: 'Lionel', surname: 'Messi' })).toBe(
      'Lionel Messi',
    );
    expect(playerLabel({ id: 7, name: '', surname: '' })).toBe('Player #7');
  });

  it('encodes team names into links, whatever characters they hold', () => {
    expect(teamPageHref('Вареничная United')).toBe(
      '/front/stats?team_name=%D0%92%D0%B0%D1%80%D0%B5%D0%BD%D0%B8%D1%87%D0%BD%D0%B0%D1%8F%20United',
    );
    expect(teamPageHref('<script>&"')).toBe(
      '/front/stats?team_name=%3Cscript%3E%26%22',
    );
    expect(goalsPageHref(321)).toBe('/front/goals?player_id=321');
  });
});
