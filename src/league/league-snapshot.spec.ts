import { LeagueSnapshot } from './league-snapshot';
import { LeagueData, Match } from './league.types';

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

/** A league with the edges the upstream may send. */
function nastyLeague(): LeagueData {
  return {
    teams: [
      { id: 7, name: 'The "Best"  FC', playerIds: [1, 2] },
      { id: 3, name: 'the "best"  fc', playerIds: [3, 2] },
      { id: 900, name: 'Вареничная United', playerIds: [4, 5] },
      { id: 12, name: 'Fenerbahçe', playerIds: [6] },
    ],
    players: [
      { id: 1, name: 'Pele', surname: '', number: 10 },
      { id: 2, name: 'Андрей', surname: 'Шевченко', number: 7 },
      { id: 3, name: '', surname: 'Garrincha', number: 11 },
      { id: 4, name: 'Socrates', surname: '', number: 8 },
      { id: 5, name: 'Socrates', surname: '', number: 9 },
      { id: 6, name: 'Émile', surname: 'Zola', number: null },
      { id: 42, name: 'Not', surname: 'Rostered', number: 1 },
    ],
    matches: [
      match(1, 7, 3, 3, 1),
      match(2, 3, 7, 2, 2),
      match(5, 900, 7, 0, 4),
      match(9, 12, 3, 1, 2),
    ],
    goals: [
      { id: 30, playerId: 1, matchId: 5, minute: 80 },
      { id: 31, playerId: 1, matchId: 1, minute: 70 },
      { id: 32, playerId: 1, matchId: 1, minute: 5 },
      { id: 33, playerId: 77, matchId: 9, minute: 12 },
    ],
  };
}

describe('LeagueSnapshot', () => {
  const league = new LeagueSnapshot(nastyLeague(), times);

  describe('team statistics', () => {
    it('counts wins, losses and draws from both sides of a match', () => {
      const team = league.teamByName('The "Best"  FC');
      expect(team && league.teamStats(team.id)).toEqual({
        team: { id: 7, name: 'The "Best"  FC' },
        wins: 2,
        losses: 0,
        draws: 1,
        goalsScored: 9,
        goalsConceded: 3,
        goalDifference: 6,
        matchesPlayed: 3,
        points: 7,
      });
    });

    it('counts a draw as neither a win nor a loss', () => {
      const stats = league.teamStats(3);
      expect(stats).toMatchObject({ wins: 1, losses: 1, draws: 1 });
    });

    it('matches team names exactly, telling apart names that differ only in case', () => {
      expect(league.teamByName('the "best"  fc')?.id).toBe(3);
      expect(league.teamByName('The "Best"  FC')?.id).toBe(7);
      expect(league.teamByName('The "Best" FC')).toBeUndefined();
      expect(league.teamByName('the best')).toBeUndefined();
    });

    it('finds Cyrillic and accented team names', () => {
      expect(league.teamByName('Вареничная United')?.id).toBe(900);
      expect(league.teamByName('Fenerbahçe')?.id).toBe(12);
    });

    it('orders the league table by points, then goal difference', () => {
      expect(league.leagueTable().map((row) => row.team.id)).toEqual([
        7, 3, 12, 900,
      ]);
    });

    it('suggests names that differ only in case or by a typo', () => {
      expect(league.suggestTeamNames('fenerbahce')).toEqual(['Fenerbahçe']);
      expect(league.suggestTeamNames('Вареничная')).toContain(
        'Вареничная United',
      );
    });
  });

  describe('players', () => {
    it('lists every rostered player once, a player on two teams included', () => {
      const ids = league.playersByName().map((player) => player.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
      expect(ids).not.toContain(42);
    });

    it('sorts by display name in code-point order, then by id', () => {
      const names = league.playersByName().map((p) => `${p.id}`);
      expect(names).toEqual(['3', '1', '4', '5', '6', '2']);
    });

    it('knows every team of a player on several rosters', () => {
      expect(league.teamsOf(2).map((team) => team.id)).toEqual([7, 3]);
    });

    it('does not count a player no roster lists as a player', () => {
      expect(league.player(42)).toBeUndefined();
    });
  });

  describe('meetings', () => {
    it('counts matches with one player on each side, either way round', () => {
      expect(league.meetings(1, 3).map((m) => m.id)).toEqual([1, 2]);
      expect(league.meetings(3, 1).map((m) => m.id)).toEqual([1, 2]);
    });

    it('counts each match once for a player listed by both sides', () => {
      // Player 2 plays for teams 7 and 3; player 1 for 7, player 3 for 3.
      expect(league.meetings(2, 1).map((m) => m.id)).toEqual([1, 2]);
      expect(league.meetings(2, 3).map((m) => m.id)).toEqual([1, 2]);
    });

    it('never lets a player meet himself', () => {
      expect(league.meetings(2, 2)).toEqual([]);
    });

    it('is empty for players on no roster or without common matches', () => {
      expect(league.meetings(1, 999)).toEqual([]);
      expect(league.meetings(4, 6)).toEqual([]);
    });
  });

  describe('goals', () => {
    it('orders a player’s goals by match, then minute', () => {
      expect(
        league.goalsOf(1).map((goal) => [goal.matchId, goal.minute]),
      ).toEqual([
        [1, 5],
        [1, 70],
        [5, 80],
      ]);
    });

    it('knows scorers that are on no roster', () => {
      expect(league.isScorer(77)).toBe(true);
      expect(league.player(77)).toBeUndefined();
    });
  });

  describe('content hash', () => {
    it('is the same for the same data in another order', () => {
      const shuffled = nastyLeague();
      shuffled.matches.reverse();
      shuffled.goals.reverse();
      expect(new LeagueSnapshot(shuffled, times).contentHash).toBe(
        league.contentHash,
      );
    });

    it('changes when a score changes', () => {
      const changed = nastyLeague();
      changed.matches[0] = { ...changed.matches[0], team1Score: 4 };
      expect(new LeagueSnapshot(changed, times).contentHash).not.toBe(
        league.contentHash,
      );
    });
  });
});
