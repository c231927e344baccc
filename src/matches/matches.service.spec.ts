import { LeagueSnapshot } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { MatchPageDto } from './dto/match-page.dto';
import { MatchesService } from './matches.service';

const times = { syncedAt: new Date(0), modifiedAt: new Date(0) };

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Ajax', playerIds: [] },
      { id: 2, name: 'PSV Eindhoven', playerIds: [] },
      { id: 3, name: 'Feyenoord', playerIds: [] },
    ],
    players: [],
    matches: [
      { id: 8, team1Id: 3, team2Id: 1, team1Score: 0, team2Score: 2 },
      { id: 2, team1Id: 1, team2Id: 2, team1Score: 1, team2Score: 1 },
      { id: 5, team1Id: 2, team2Id: 99, team1Score: 4, team2Score: 0 },
    ],
    goals: [],
  },
  times,
);

describe('MatchesService', () => {
  const matches = new MatchesService({
    require: () => league,
  } as unknown as LeagueService);
  const everything = { limit: 100, offset: 0 };

  it('lists every match by id, with null for a team the upstream does not list', () => {
    const page = MatchPageDto.from(matches.list(undefined, everything));

    expect(page.items.map((match) => match.id)).toEqual([2, 5, 8]);
    expect(page.items[1]).toEqual({
      id: 5,
      team1: 2,
      team1_name: 'PSV Eindhoven',
      team2: 99,
      team2_name: null,
      team1_score: 4,
      team2_score: 0,
    });
    expect(page.total).toBe(3);
  });

  it("lists one team's matches on either side when asked", () => {
    const page = matches.list(1, everything);

    expect(page.items.map(({ match }) => match.id)).toEqual([2, 8]);
  });

  it('pages the list', () => {
    const page = matches.list(undefined, { limit: 1, offset: 2 });

    expect(page.items.map(({ match }) => match.id)).toEqual([8]);
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 2 });
  });

  it('answers 404 naming team_id for a team that does not exist', () => {
    expect(() => matches.list(99, everything)).toThrow(
      'team_id: no team has id 99',
    );
  });
});
