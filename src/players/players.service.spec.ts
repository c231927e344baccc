import { LeagueSnapshot } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { PlayersService } from './players.service';

const times = { syncedAt: new Date(0), modifiedAt: new Date(0) };

function serviceOver(snapshot: LeagueSnapshot): PlayersService {
  const league = { require: () => snapshot };
  return new PlayersService(league as unknown as LeagueService);
}

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Zenit', playerIds: [1, 2, 3, 4] },
      { id: 2, name: 'Fenerbahçe', playerIds: [4] },
    ],
    players: [
      { id: 1, name: 'Андрей', surname: 'Аршавин', number: 10 },
      { id: 2, name: 'Ömer', surname: 'Straße', number: null },
      { id: 3, name: 'Pele', surname: '', number: 7 },
      { id: 4, name: 'Ali', surname: 'Pelé', number: 9 },
      { id: 5, name: 'Not', surname: 'Rostered', number: 1 },
    ],
    matches: [],
    goals: [],
  },
  times,
);

const firstPage = { limit: 20, offset: 0 };

describe('PlayersService', () => {
  const players = serviceOver(league);
  const found = (search: string) =>
    players.search(search, firstPage).items.map(({ player }) => player.id);

  it('lists every rostered player by display name for an empty search', () => {
    expect(found('')).toEqual([4, 3, 2, 1]);
    expect(found('   ')).toEqual([4, 3, 2, 1]);
  });

  it('matches Cyrillic letters in either case', () => {
    expect(found('АРШ')).toEqual([1]);
    expect(found('андрей аршавин')).toEqual([1]);
  });

  it('matches a sharp s written as SS and a composed letter written decomposed', () => {
    expect(found('STRASSE')).toEqual([2]);
    expect(found('O\u0308mer')).toEqual([2]);
  });

  it('keeps accents apart: pelé is not pele', () => {
    expect(found('pelé')).toEqual([4]);
    expect(found('pele')).toEqual([3]);
  });

  it('leaves out players no roster lists', () => {
    expect(found('rostered')).toEqual([]);
  });

  it('pages the matches and counts them all', () => {
    const page = players.search('e', { limit: 2, offset: 1 });

    expect(page.items.map(({ player }) => player.id)).toEqual([3, 2]);
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
  });

  it('gives a player with every team that lists him', () => {
    const profile = players.get(4);

    expect(profile.teams.map((team) => team.id)).toEqual([1, 2]);
  });

  it('answers 404 naming the id for a player no roster lists', () => {
    expect(() => players.get(5)).toThrow('id: no player has id 5');
  });
});
