import { LeagueSnapshot } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { Match } from '../league/league.types';
import { TeamProfileDto } from './dto/team-profile.dto';
import { TeamsService } from './teams.service';

const times = { syncedAt: new Date(0), modifiedAt: new Date(0) };

function match(
  id: number,
  team1Id: number,
  team2Id: number,
  team1Score: number,
  team2Score: number,
): Match {
  return { id, team1Id, team2Id, team1Score, team2Score };
}

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Roma', playerIds: [2, 1] },
      { id: 2, name: 'Lazio', playerIds: [] },
    ],
    players: [
      { id: 1, name: 'Francesco', surname: 'Totti', number: 10 },
      { id: 2, name: 'Cafu', surname: '', number: null },
    ],
    matches: [
      match(9, 2, 1, 1, 3),
      match(4, 1, 2, 2, 2),
      match(7, 1, 77, 0, 1),
    ],
    goals: [],
  },
  times,
);

describe('TeamsService', () => {
  const teams = new TeamsService({
    require: () => league,
  } as unknown as LeagueService);

  it("gives the roster in roster order and the matches by id, from the team's side", () => {
    const profile = TeamProfileDto.fromProfile(teams.profile(1));

    expect(profile.roster.map((player) => player.display_name)).toEqual([
      'Cafu',
      'Francesco Totti',
    ]);
    expect(profile.matches).toEqual([
      {
        id: 4,
        opponent_id: 2,
        opponent_name: 'Lazio',
        side: 'team1',
        goals_scored: 2,
        goals_conceded: 2,
        result: 'draw',
      },
      {
        id: 7,
        opponent_id: 77,
        opponent_name: null,
        side: 'team1',
        goals_scored: 0,
        goals_conceded: 1,
        result: 'loss',
      },
      {
        id: 9,
        opponent_id: 2,
        opponent_name: 'Lazio',
        side: 'team2',
        goals_scored: 3,
        goals_conceded: 1,
        result: 'win',
      },
    ]);
    expect(profile).toMatchObject({ wins: 1, losses: 1, draws: 1 });
  });

  it('answers 404 naming the parameter for a team that does not exist', () => {
    expect(() => teams.profile(3)).toThrow('id: no team has id 3');
    expect(() => teams.profile(3, 'team_id')).toThrow(
      'team_id: no team has id 3',
    );
  });
});
