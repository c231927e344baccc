import { LeagueSnapshot } from '../league/league-snapshot';
import { pageFrame } from './layout.view-model';
import { statsPage, teamReport } from './stats-page.view-model';

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Lions', playerIds: [1, 2, 99] },
      { id: 2, name: 'Bears', playerIds: [3] },
    ],
    players: [
      { id: 1, name: 'Ann', surname: 'Lee', number: 9 },
      { id: 2, name: 'Bo', surname: '', number: null },
      { id: 3, name: 'Cy', surname: 'Park', number: 0 },
    ],
    matches: [
      { id: 10, team1Id: 1, team2Id: 2, team1Score: 2, team2Score: 1 },
      { id: 11, team1Id: 2, team2Id: 1, team1Score: 3, team2Score: 0 },
      { id: 12, team1Id: 7, team2Id: 1, team1Score: 1, team2Score: 1 },
    ],
    goals: [
      { id: 1, playerId: 1, matchId: 10, minute: 5 },
      { id: 2, playerId: 1, matchId: 10, minute: 40 },
    ],
  },
  { syncedAt: new Date(0), modifiedAt: new Date(0) },
);
const frame = pageFrame('stats', 'Team stats', new Date(0), null);
const goalsOf = (playerId: number) => league.goalsOf(playerId);

describe('team report', () => {
  it('takes the record from the given statistics', () => {
    const report = teamReport(league, league.teamStats(1)!, goalsOf);

    expect(report).toMatchObject({
      name: 'Lions',
      played: '3 matches',
      wins: 1,
      draws: 1,
      losses: 1,
      goalsScored: 3,
      goalsConceded: 5,
      difference: { text: '-2', tone: 'negative' },
    });
  });

  it("shows every match from the team's side, with its result", () => {
    const report = teamReport(league, league.teamStats(1)!, goalsOf);

    expect(report.matches).toEqual([
      {
        id: 10,
        opponentName: 'Bears',
        opponentHref: '/front/stats?team_name=Bears',
        scored: 2,
        conceded: 1,
        result: { letter: 'W', label: 'Win', result: 'win' },
      },
      {
        id: 11,
        opponentName: 'Bears',
        opponentHref: '/front/stats?team_name=Bears',
        scored: 0,
        conceded: 3,
        result: { letter: 'L', label: 'Loss', result: 'loss' },
      },
      {
        id: 12,
        opponentName: 'Team #7',
        opponentHref: null,
        scored: 1,
        conceded: 1,
        result: { letter: 'D', label: 'Draw', result: 'draw' },
      },
    ]);
  });

  it('lists the known rostered players with shirts and goal counts', () => {
    const report = teamReport(league, league.teamStats(1)!, goalsOf);
    const bears = teamReport(league, league.teamStats(2)!, goalsOf);

    expect(report.roster).toEqual([
      {
        id: 1,
        name: 'Ann Lee',
        shirt: '9',
        goals: 2,
        goalsHref: '/front/goals?player_id=1',
      },
      {
        id: 2,
        name: 'Bo',
        shirt: null,
        goals: 0,
        goalsHref: '/front/goals?player_id=2',
      },
    ]);
    expect(bears.roster[0].shirt).toBe('0');
  });
});

describe('stats page', () => {
  it('offers every team name, in code-point order, to pick from', () => {
    const page = statsPage(frame, league, '', null);

    expect(page.form).toEqual({ teamName: '', teamNames: ['Bears', 'Lions'] });
    expect(page.teamLinks.map((link) => link.name)).toEqual(['Bears', 'Lions']);
  });

  it('keeps what was asked in the form and drops the list of teams', () => {
    const report = teamReport(league, league.teamStats(1)!, goalsOf);
    const answered = statsPage(frame, league, 'Lions', report);
    const unknown = statsPage(frame, league, 'Lionz', null);

    expect(answered.form.teamName).toBe('Lions');
    expect(answered.team).toBe(report);
    expect(answered.teamLinks).toEqual([]);
    expect(unknown.teamLinks).toEqual([]);
  });

  it('shows an empty form while there is no league', () => {
    const page = statsPage(frame, null, 'Lions', null);

    expect(page.form).toEqual({ teamName: 'Lions', teamNames: [] });
  });
});
