import { LeagueSnapshot } from '../league/league-snapshot';
import { pageFrame } from './layout.view-model';
import { leaguePage } from './league-page.view-model';

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Lions', playerIds: [] },
      { id: 2, name: 'Bears & Co', playerIds: [] },
      { id: 3, name: 'Owls', playerIds: [] },
    ],
    players: [],
    matches: [
      { id: 1, team1Id: 1, team2Id: 2, team1Score: 3, team2Score: 0 },
      { id: 2, team1Id: 2, team2Id: 3, team1Score: 1, team2Score: 1 },
      { id: 3, team1Id: 3, team2Id: 1, team1Score: 2, team2Score: 2 },
    ],
    goals: [],
  },
  { syncedAt: new Date(0), modifiedAt: new Date(0) },
);
const frame = pageFrame('league', 'League table', new Date(0), null);

describe('league page', () => {
  it('ranks the teams in the order the table gives them', () => {
    const page = leaguePage(frame, league.leagueTable());

    expect(page.rows.map((row) => [row.rank, row.teamName])).toEqual([
      [1, 'Lions'],
      [2, 'Owls'],
      [3, 'Bears & Co'],
    ]);
  });

  it("shows each team's record with a signed difference and a link", () => {
    const [, , bears] = leaguePage(frame, league.leagueTable()).rows;

    expect(bears).toEqual({
      rank: 3,
      teamName: 'Bears & Co',
      teamHref: '/front/stats?team_name=Bears%20%26%20Co',
      played: 2,
      wins: 0,
      draws: 1,
      losses: 1,
      goalsScored: 1,
      goalsConceded: 4,
      difference: { text: '-3', tone: 'negative' },
      points: 1,
    });
  });

  it('shows the points the league counted', () => {
    const page = leaguePage(frame, league.leagueTable());

    expect(page.rows.find((row) => row.teamName === 'Lions')?.points).toBe(4);
  });

  it('keeps the frame around the table', () => {
    const page = leaguePage(frame, league.leagueTable());

    expect(page.title).toBe('League table');
    expect(page.nav.find((link) => link.current)?.href).toBe('/front');
  });
});
