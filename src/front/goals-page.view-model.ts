import { LeagueSnapshot } from '../league/league-snapshot';
import { Goal } from '../league/league.types';
import {
  Fixture,
  fixture,
  MatchFromSide,
  matchFromSide,
} from './fixture.view-model';
import { PageFrame, PageProblem } from './layout.view-model';
import { nounFor } from './page-format';
import { PlayerOptionGroup, playerPicker } from './player-picker.view-model';
import { PlayerCard, playerCard } from './versus-page.view-model';

export interface GoalRow {
  matchId: number;
  /** The match from the scorer's side; null when that side cannot be told. */
  side: MatchFromSide | null;
  /** Both teams; null when the match list lacks the goal's match. */
  fixture: Fixture | null;
  minute: number;
}

export interface GoalsAnswer {
  playerId: number;
  /** Null for a scorer whom no roster lists. */
  player: PlayerCard | null;
  goalCount: number;
  /** `goal` or `goals`, to follow goalCount */
  goalsNoun: string;
  goals: GoalRow[];
}

export interface GoalsPage extends PageFrame {
  form: { players: PlayerOptionGroup[] };
  answer: GoalsAnswer | null;
  problem: PageProblem | null;
}

export function goalsAnswer(
  league: LeagueSnapshot,
  playerId: number,
  goals: readonly Goal[],
): GoalsAnswer {
  const player = league.player(playerId);
  const teamIds = new Set(league.teamsOf(playerId).map((team) => team.id));

  const row = (goal: Goal): GoalRow => {
    const match = league.match(goal.matchId);
    const onTeam1 = match !== undefined && teamIds.has(match.team1Id);
    const onTeam2 = match !== undefined && teamIds.has(match.team2Id);
    // A player on both rosters, or on neither, has no side to tell.
    const side =
      match && onTeam1 !== onTeam2
        ? matchFromSide(league, match, onTeam1 ? match.team1Id : match.team2Id)
        : null;
    return {
      matchId: goal.matchId,
      side,
      fixture: match ? fixture(league, match) : null,
      minute: goal.minute,
    };
  };

  return {
    playerId,
    player: player
      ? playerCard({ player, teams: league.teamsOf(playerId) })
      : null,
    goalCount: goals.length,
    goalsNoun: nounFor(goals.length, 'goal', 'goals'),
    goals: goals.map(row),
  };
}

export function goalsPage(
  frame: PageFrame,
  league: LeagueSnapshot | null,
  selected: number | undefined,
  answer: GoalsAnswer | null,
): GoalsPage {
  return {
    ...frame,
    form: { players: playerPicker(league, selected) },
    answer,
    problem: null,
  };
}
