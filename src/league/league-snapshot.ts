import { createHash } from 'node:crypto';
import { compareCodePoints, displayName } from './display-name';
import { Goal, LeagueData, Match, Player, Team } from './league.types';
import { suggestTeamNames } from './team-name-suggestions';

export interface TeamStats {
  team: Pick<Team, 'id' | 'name'>;
  wins: number;
  losses: number;
  draws: number;
  goalsScored: number;
  goalsConceded: number;
  goalDifference: number;
  matchesPlayed: number;
  /** Three for a win, one for a draw: what the league table is ordered by. */
  points: number;
}

export interface SnapshotTimes {
  /** When the sync that confirmed this data finished. */
  syncedAt: Date;
  /** When the data last changed (the first sync that stored this content). */
  modifiedAt: Date;
}

const NO_MATCHES: readonly Match[] = [];
const NO_GOALS: readonly Goal[] = [];
const NO_TEAMS: readonly Team[] = [];

function pairKey(a: number, b: number): string {
  return `${a}:${b}`;
}

function emptyStats(team: Team): TeamStats {
  return {
    team: { id: team.id, name: team.name },
    wins: 0,
    losses: 0,
    draws: 0,
    goalsScored: 0,
    goalsConceded: 0,
    goalDifference: 0,
    matchesPlayed: 0,
    points: 0,
  };
}

function addResult(stats: TeamStats, scored: number, conceded: number): void {
  stats.matchesPlayed++;
  stats.goalsScored += scored;
  stats.goalsConceded += conceded;
  stats.goalDifference = stats.goalsScored - stats.goalsConceded;
  if (scored > conceded) stats.wins++;
  else if (scored < conceded) stats.losses++;
  else stats.draws++;
  stats.points = stats.wins * 3 + stats.draws;
}

/**
 * Folds case both ways so that letters whose cases differ in length (ß, SS)
 * meet, and NFKC so that composed and decomposed letters do.
 */
function searchKey(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase();
}

function byLeagueOrder(a: TeamStats, b: TeamStats): number {
  return (
    b.points - a.points ||
    b.goalDifference - a.goalDifference ||
    b.goalsScored - a.goalsScored ||
    compareCodePoints(a.team.name, b.team.name) ||
    a.team.id - b.team.id
  );
}

/** SHA-256 of the data in a canonical order: equal data, equal hash. */
export function hashLeagueData(data: LeagueData): string {
  const byId = <T extends { id: number }>(items: T[]) =>
    [...items].sort((a, b) => a.id - b.id);
  const canonical = JSON.stringify([
    byId(data.teams).map((t) => [t.id, t.name, t.playerIds]),
    byId(data.players).map((p) => [p.id, p.name, p.surname, p.number]),
    byId(data.matches).map((m) => [
      m.id,
      m.team1Id,
      m.team2Id,
      m.team1Score,
      m.team2Score,
    ]),
    byId(data.goals).map((g) => [g.id, g.playerId, g.matchId, g.minute]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The league at one moment, indexed so that every question is a lookup.
 * Immutable: a sync builds a new snapshot and swaps it in whole.
 */
export class LeagueSnapshot {
  readonly contentHash: string;
  private readonly teamsById = new Map<number, Team>();
  private readonly teamsByName = new Map<string, Team>();
  private readonly playersById = new Map<number, Player>();
  private readonly teamsByPlayer = new Map<number, Team[]>();
  private readonly matchesById = new Map<number, Match>();
  private readonly matchesByPair = new Map<string, Match[]>();
  private readonly matchesByTeam = new Map<number, Match[]>();
  private readonly goalsByPlayer = new Map<number, Goal[]>();
  private readonly statsByTeam = new Map<number, TeamStats>();
  private readonly rosteredPlayers: Player[];
  private readonly table: TeamStats[];
  private matchesInOrder?: readonly Match[];

  constructor(
    readonly data: LeagueData,
    readonly times: SnapshotTimes,
    contentHash?: string,
  ) {
    this.contentHash = contentHash ?? hashLeagueData(data);
    this.indexTeams(data.teams);
    for (const player of data.players) this.playersById.set(player.id, player);
    this.indexMatches(data.matches);
    this.indexGoals(data.goals);

    this.rosteredPlayers = [...this.teamsByPlayer.keys()]
      .map((id) => this.playersById.get(id))
      .filter((player): player is Player => player !== undefined)
      .sort(
        (a, b) =>
          compareCodePoints(displayName(a), displayName(b)) || a.id - b.id,
      );
    this.table = [...this.statsByTeam.values()].sort(byLeagueOrder);
  }

  get teams(): readonly Team[] {
    return this.data.teams;
  }

  get playerCount(): number {
    return this.rosteredPlayers.length;
  }

  team(id: number): Team | undefined {
    return this.teamsById.get(id);
  }

  /** Exact match: case, inner spaces and Unicode as given. */
  teamByName(name: string): Team | undefined {
    return this.teamsByName.get(name);
  }

  teamStats(teamId: number): TeamStats | undefined {
    return this.statsByTeam.get(teamId);
  }

  /** Every team's statistics, ordered as a league table. */
  leagueTable(): readonly TeamStats[] {
    return this.table;
  }

  suggestTeamNames(query: string): string[] {
    return suggestTeamNames(query, [...this.teamsByName.keys()]);
  }

  /** A player on at least one roster whose details the upstream gave. */
  player(id: number): Player | undefined {
    return this.teamsByPlayer.has(id) ? this.playersById.get(id) : undefined;
  }

  /** Every rostered player once, by display name in code-point order, then id. */
  playersByName(): readonly Player[] {
    return this.rosteredPlayers;
  }

  /**
   * Rostered players whose display name contains `query`, ignoring case and
   * surrounding spaces, in `playersByName` order; every player for an empty
   * query.
   */
  searchPlayers(query: string): readonly Player[] {
    const wanted = searchKey(query.trim());
    if (wanted === '') return this.rosteredPlayers;
    return this.rosteredPlayers.filter((player) =>
      searchKey(displayName(player)).includes(wanted),
    );
  }

  teamsOf(playerId: number): readonly Team[] {
    return this.teamsByPlayer.get(playerId) ?? NO_TEAMS;
  }

  roster(teamId: number): Player[] {
    const team = this.teamsById.get(teamId);
    if (!team) return [];
    return team.playerIds
      .map((id) => this.playersById.get(id))
      .filter((player): player is Player => player !== undefined);
  }

  match(id: number): Match | undefined {
    return this.matchesById.get(id);
  }

  /** Every match, ordered by id. */
  matches(): readonly Match[] {
    this.matchesInOrder ??= [...this.data.matches].sort((a, b) => a.id - b.id);
    return this.matchesInOrder;
  }

  matchesOf(teamId: number): readonly Match[] {
    return this.matchesByTeam.get(teamId) ?? NO_MATCHES;
  }

  /**
   * Matches in which one player was on team1's roster and the other on
   * team2's, either way round; each match once, ordered by id.
   */
  meetings(player1Id: number, player2Id: number): Match[] {
    if (player1Id === player2Id) return [];
    const found = new Map<number, Match>();
    for (const first of this.teamsOf(player1Id)) {
      for (const second of this.teamsOf(player2Id)) {
        for (const key of [
          pairKey(first.id, second.id),
          pairKey(second.id, first.id),
        ]) {
          for (const match of this.matchesByPair.get(key) ?? NO_MATCHES) {
            found.set(match.id, match);
          }
        }
      }
    }
    return [...found.values()].sort((a, b) => a.id - b.id);
  }

  /** A player's goals ordered by match, then minute. */
  goalsOf(playerId: number): readonly Goal[] {
    return this.goalsByPlayer.get(playerId) ?? NO_GOALS;
  }

  isScorer(playerId: number): boolean {
    return this.goalsByPlayer.has(playerId);
  }

  private indexTeams(teams: Team[]): void {
    for (const team of teams) {
      this.teamsById.set(team.id, team);
      // Names are unique upstream; should two collide, the lower id answers.
      const sameName = this.teamsByName.get(team.name);
      if (!sameName || team.id < sameName.id) {
        this.teamsByName.set(team.name, team);
      }
      this.statsByTeam.set(team.id, emptyStats(team));
      for (const playerId of new Set(team.playerIds)) {
        const teams = this.teamsByPlayer.get(playerId) ?? [];
        teams.push(team);
        this.teamsByPlayer.set(playerId, teams);
      }
    }
  }

  private indexMatches(matches: Match[]): void {
    for (const match of matches) {
      this.matchesById.set(match.id, match);
      const key = pairKey(match.team1Id, match.team2Id);
      const sameSides = this.matchesByPair.get(key) ?? [];
      sameSides.push(match);
      this.matchesByPair.set(key, sameSides);
      for (const teamId of new Set([match.team1Id, match.team2Id])) {
        const list = this.matchesByTeam.get(teamId) ?? [];
        list.push(match);
        this.matchesByTeam.set(teamId, list);
      }
      const home = this.statsByTeam.get(match.team1Id);
      if (home) addResult(home, match.team1Score, match.team2Score);
      const away = this.statsByTeam.get(match.team2Id);
      if (away) addResult(away, match.team2Score, match.team1Score);
    }
    for (const list of this.matchesByTeam.values()) {
      list.sort((a, b) => a.id - b.id);
    }
  }

  private indexGoals(goals: Goal[]): void {
    for (const goal of goals) {
      const byPlayer = this.goalsByPlayer.get(goal.playerId) ?? [];
      byPlayer.push(goal);
      this.goalsByPlayer.set(goal.playerId, byPlayer);
    }
    const order = (a: Goal, b: Goal) =>
      a.matchId - b.matchId || a.minute - b.minute || a.id - b.id;
    for (const list of this.goalsByPlayer.values()) list.sort(order);
  }
}
