import { LeagueSnapshot } from '../league/league-snapshot';
import { pageFrame } from './layout.view-model';
import { versusAnswer, versusPage } from './versus-page.view-model';

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Lions', playerIds: [1] },
      { id: 2, name: 'Bears', playerIds: [2] },
      { id: 3, name: 'Owls', playerIds: [2] },
    ],
    players: [
      { id: 1, name: 'Ann', surname: 'Lee', number: 9 },
      { id: 2, name: 'Bo', surname: '', number: null },
    ],
    matches: [
      { id: 10, team1Id: 1, team2Id: 2, team1Score: 2, team2Score: 1 },
      { id: 11, team1Id: 3, team2Id: 1, team1Score: 0, team2Score: 0 },
    ],
    goals: [],
  },
  { syncedAt: new Date(0), modifiedAt: new Date(0) },
);
const profile = (id: number) => ({
  player: league.player(id)!,
  teams: league.teamsOf(id),
});

describe('versus answer', () => {
  it('shows both players with every team that lists them', () => {
    const answer = versusAnswer(league, {
      player1: profile(1),
      player2: profile(2),
      matches: [],
    });

    expect(answer.player1).toEqual({
      id: 1,
      name: 'Ann Lee',
      shirt: '9',
      teams: [{ name: 'Lions', href: '/front/stats?team_name=Lions' }],
      goalsHref: '/front/goals?player_id=1',
    });
    expect(answer.player2.teams.map((team) => team.name)).toEqual([
      'Bears',
      'Owls',
    ]);
    expect(answer.player2.shirt).toBeNull();
  });

  it('counts the matches given and marks the winning side of each', () => {
    const answer = versusAnswer(league, {
      player1: profile(1),
      player2: profile(2),
      matches: league.meetings(1, 2),
    });

    expect(answer.matchesPlayed).toBe(2);
    expect(answer.matchesNoun).toBe('matches');
    expect(answer.matches[0]).toEqual({
      id: 10,
      team1: {
        name: 'Lions',
        href: '/front/stats?team_name=Lions',
        score: 2,
        winner: true,
      },
      team2: {
        name: 'Bears',
        href: '/front/stats?team_name=Bears',
        score: 1,
        winner: false,
      },
    });
    expect(answer.matches[1].team1.winner).toBe(false);
    expect(answer.matches[1].team2.winner).toBe(false);
  });

  it('says match, not matches, for exactly one', () => {
    const answer = versusAnswer(league, {
      player1: profile(1),
      player2: profile(2),
      matches: [league.match(10)!],
    });

    expect(answer.matchesNoun).toBe('match');
  });

  it('tells the same player chosen twice from two different players', () => {
    const twice = versusAnswer(league, {
      player1: profile(1),
      player2: profile(1),
      matches: league.meetings(1, 1),
    });
    const two = versusAnswer(league, {
      player1: profile(1),
      player2: profile(2),
      matches: [],
    });

    expect(twice.samePlayer).toBe(true);
    expect(twice.matchesPlayed).toBe(0);
    expect(two.samePlayer).toBe(false);
  });
});

describe('versus page', () => {
  it('preselects the asked players in their own pickers', () => {
    const frame = pageFrame('versus', 'Head-to-head', new Date(0), null);
    const page = versusPage(frame, league, { player1: 2 }, null);
    const selected = (groups: typeof page.form.player1) =>
      groups.flatMap((group) =>
        group.players.filter((p) => p.selected).map((p) => p.id),
      );

    expect(selected(page.form.player1)).toEqual([2]);
    expect(selected(page.form.player2)).toEqual([]);
    expect(page.answer).toBeNull();
  });
});
