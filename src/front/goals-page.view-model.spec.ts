import { LeagueSnapshot } from '../league/league-snapshot';
import { goalsAnswer } from './goals-page.view-model';

const league = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Lions', playerIds: [1, 4] },
      { id: 2, name: 'Bears', playerIds: [4] },
    ],
    players: [
      { id: 1, name: 'Ann', surname: 'Lee', number: 9 },
      { id: 4, name: 'Dee', surname: 'Fox', number: 4 },
    ],
    matches: [{ id: 10, team1Id: 2, team2Id: 1, team1Score: 1, team2Score: 3 }],
    goals: [
      { id: 1, playerId: 1, matchId: 10, minute: 12 },
      { id: 2, playerId: 4, matchId: 10, minute: 50 },
      { id: 3, playerId: 6, matchId: 10, minute: 70 },
      { id: 4, playerId: 1, matchId: 99, minute: 3 },
    ],
  },
  { syncedAt: new Date(0), modifiedAt: new Date(0) },
);

describe('goals answer', () => {
  it("shows each goal with the opponent and score from the scorer's side", () => {
    const answer = goalsAnswer(league, 1, league.goalsOf(1));

    expect(answer.goalCount).toBe(2);
    expect(answer.goalsNoun).toBe('goals');
    expect(answer.goals[0]).toMatchObject({
      matchId: 10,
      minute: 12,
      side: {
        opponentName: 'Bears',
        scored: 3,
        conceded: 1,
        result: { letter: 'W' },
      },
    });
  });

  it('keeps a goal whose match is missing, without a score', () => {
    const answer = goalsAnswer(league, 1, league.goalsOf(1));

    expect(answer.goals[1]).toEqual({
      matchId: 99,
      side: null,
      fixture: null,
      minute: 3,
    });
  });

  it('shows both teams when the scorer is on both rosters', () => {
    const answer = goalsAnswer(league, 4, league.goalsOf(4));

    expect(answer.goals[0].side).toBeNull();
    expect(answer.goals[0].fixture?.team1.name).toBe('Bears');
    expect(answer.goals[0].fixture?.team2.winner).toBe(true);
  });

  it('answers for a scorer whom no roster lists, by id', () => {
    const answer = goalsAnswer(league, 6, league.goalsOf(6));

    expect(answer.player).toBeNull();
    expect(answer.playerId).toBe(6);
    expect(answer.goalsNoun).toBe('goal');
    expect(answer.goals[0].side).toBeNull();
  });
});
