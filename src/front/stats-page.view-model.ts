import { LeagueSnapshot, TeamStats } from '../league/league-snapshot';
import { Goal } from '../league/league.types';
import { MatchFromSide, matchFromSide } from './fixture.view-model';
import { PageFrame, PageProblem } from './layout.view-model';
import {
  countOf,
  goalsPageHref,
  playerLabel,
  SignedNumber,
  signedNumber,
  teamPageHref,
} from './page-format';
import { teamNames } from './player-picker.view-model';

export interface RosterRow {
  id: number;
  name: string;
  /** Shirt number as text; null when the upstream gives none. */
  shirt: string | null;
  goals: number;
  goalsHref: string;
}

export interface TeamReport {
  name: string;
  played: string;
  wins: number;
  draws: number;
  losses: number;
  goalsScored: number;
  goalsConceded: number;
  difference: SignedNumber;
  matches: MatchFromSide[];
  roster: RosterRow[];
}

export interface StatsPage extends PageFrame {
  form: { teamName: string; teamNames: string[] };
  /** Links to every team while none is asked for. */
  teamLinks: { name: string; href: string }[];
  team: TeamReport | null;
  problem: PageProblem | null;
}

/** Matches from the team's side, rostered players with their goal counts. */
export function teamReport(
  league: LeagueSnapshot,
  stats: TeamStats,
  goalsOf: (playerId: number) => readonly Goal[],
): TeamReport {
  const teamId = stats.team.id;
  const matches = league
    .matchesOf(teamId)
    .map((match) => matchFromSide(league, match, teamId));
  const roster = league.roster(teamId).map((player) => ({
    id: player.id,
    name: playerLabel(player),
    shirt: player.number === null ? null : String(player.number),
    goals: goalsOf(player.id).length,
    goalsHref: goalsPageHref(player.id),
  }));

  return {
    name: stats.team.name,
    played: countOf(stats.matchesPlayed, 'match', 'matches'),
    wins: stats.wins,
    draws: stats.draws,
    losses: stats.losses,
    goalsScored: stats.goalsScored,
    goalsConceded: stats.goalsConceded,
    difference: signedNumber(stats.goalDifference),
    matches,
    roster,
  };
}

export function statsPage(
  frame: PageFrame,
  league: LeagueSnapshot | null,
  asked: string,
  team: TeamReport | null,
): StatsPage {
  const names = teamNames(league);
  return {
    ...frame,
    form: { teamName: asked, teamNames: names },
    teamLinks:
      team || asked !== ''
        ? []
        : names.map((name) => ({ name, href: teamPageHref(name) })),
    team,
    problem: null,
  };
}
