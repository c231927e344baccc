import { TeamStats } from '../league/league-snapshot';
import { PageFrame } from './layout.view-model';
import { SignedNumber, signedNumber, teamPageHref } from './page-format';

export interface LeagueRow {
  rank: number;
  teamName: string;
  teamHref: string;
  played: number;
  wins: number;
  draws: number;
  losses: number;
  goalsScored: number;
  goalsConceded: number;
  difference: SignedNumber;
  points: number;
}

export interface LeaguePage extends PageFrame {
  rows: LeagueRow[];
}

/** The table in the order given, ranked from 1. */
export function leaguePage(
  frame: PageFrame,
  table: readonly TeamStats[],
): LeaguePage {
  return {
    ...frame,
    rows: table.map((stats, index) => ({
      rank: index + 1,
      teamName: stats.team.name,
      teamHref: teamPageHref(stats.team.name),
      played: stats.matchesPlayed,
      wins: stats.wins,
      draws: stats.draws,
      losses: stats.losses,
      goalsScored: stats.goalsScored,
      goalsConceded: stats.goalsConceded,
      difference: signedNumber(stats.goalDifference),
      points: stats.points,
    })),
  };
}
