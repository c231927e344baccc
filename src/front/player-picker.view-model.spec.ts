import { LeagueSnapshot } from '../league/league-snapshot';
import { playerPicker, teamNames } from './player-picker.view-model';

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Zebras', playerIds: [3, 1] },
      { id: 2, name: 'Ants', playerIds: [1, 2] },
    ],
    players: [
      { id: 1, name: 'Bo', surname: '', number: null },
      { id: 2, name: 'Émile', surname: 'Roux', number: 1 },
      { id: 3, name: 'Al', surname: 'Ng', number: 2 },
      { id: 4, name: 'Off', surname: 'Roster', number: 3 },
    ],
    matches: [],
    goals: [],
  },
  { syncedAt: new Date(0), modifiedAt: new Date(0) },
);

describe('player picker', () => {
  it('groups rostered players under their teams, both by name', () => {
    const groups = playerPicker(league, undefined);

    expect(groups).toEqual([
      {
        teamName: 'Ants',
        players: [
          { id: 1, label: 'Bo (#1)', selected: false },
          { id: 2, label: 'Émile Roux (#2)', selected: false },
        ],
      },
      {
        teamName: 'Zebras',
        players: [
          { id: 3, label: 'Al Ng (#3)', selected: false },
          { id: 1, label: 'Bo (#1)', selected: false },
        ],
      },
    ]);
  });

  it('selects a player listed by two teams only once', () => {
    const selected = playerPicker(league, 1).flatMap((group) =>
      group.players.filter((player) => player.selected),
    );

    expect(selected).toEqual([{ id: 1, label: 'Bo (#1)', selected: true }]);
  });

  it('is empty while there is no league', () => {
    expect(playerPicker(null, 1)).toEqual([]);
    expect(teamNames(null)).toEqual([]);
  });

  it('orders team names by code point', () => {
    expect(teamNames(league)).toEqual(['Ants', 'Zebras']);
  });
});
