import { LeagueSnapshot } from '../league/league-snapshot';
import { Match } from '../league/league.types';
import { ResultBadge, resultFor, teamPageHref } from './page-format';

export interface FixtureSide {
  name: string;
  /** Null when the team is not in the league's team list. */
  href: string | null;
  score: number;
  winner: boolean;
}

/** A match as a line of a results list: both teams, the score, the winner. */
export interface Fixture {
  id: number;
  team1: FixtureSide;
  team2: FixtureSide;
}

export function teamName(league: LeagueSnapshot, teamId: number): string {
  return league.team(teamId)?.name ?? `Team #${teamId}`;
}

export function fixture(league: LeagueSnapshot, match: Match): Fixture {
  const side = (
    teamId: number,
    score: number,
    against: number,
  ): FixtureSide => {
    const team = league.team(teamId);
    return {
      name: teamName(league, teamId),
      href: team ? teamPageHref(team.name) : null,
      score,
      winner: score > against,
    };
  };
  return {
    id: match.id,
    team1: side(match.team1Id, match.team1Score, match.team2Score),
    team2: side(match.team2Id, match.team2Score, match.team1Score),
  };
}

/** A match as one of its teams saw it. */
export interface MatchFromSide {
  id: number;
  opponentName: string;
  opponentHref: string | null;
  scored: number;
  conceded: number;
  result: ResultBadge;
}

export function matchFromSide(
  league: LeagueSnapshot,
  match: Match,
  teamId: number,
): MatchFromSide {
  const asTeam1 = match.team1Id === teamId;
  const opponentId = asTeam1 ? match.team2Id : match.team1Id;
  const opponent = league.team(opponentId);
  const scored = asTeam1 ? match.team1Score : match.team2Score;
  const conceded = asTeam1 ? match.team2Score : match.team1Score;
  return {
    id: match.id,
    opponentName: teamName(league, opponentId),
    opponentHref: opponent ? teamPageHref(opponent.name) : null,
    scored,
    conceded,
    result: resultFor(scored, conceded),
  };
}
