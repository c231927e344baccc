import { Goal, LeagueData, Match, Player, Team } from '../league/league.types';

function uniqueById<T extends { id: number }>(items: Iterable<T>): T[] {
  const byId = new Map<number, T>();
  for (const item of items) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** Ids on at least one roster, in first-seen order. */
export function rosteredPlayerIds(teams: Team[]): number[] {
  return [...new Set(teams.flatMap((team) => team.playerIds))];
}

/**
 * Matches whose goals must be fetched again: new ones, and ones whose sides
 * or score differ from what is stored.
 */
export function matchesNeedingGoals(
  matches: Match[],
  previous: Map<number, Match>,
): Match[] {
  return matches.filter((match) => {
    const stored = previous.get(match.id);
    return (
      !stored ||
      stored.team1Id !== match.team1Id ||
      stored.team2Id !== match.team2Id ||
      stored.team1Score !== match.team1Score ||
      stored.team2Score !== match.team2Score
    );
  });
}

/**
 * The league one sync stores: rosters keep only players the upstream could
 * describe, every list is unique by id, goals belong to listed matches.
 */
export function assembleLeague(
  teams: Team[],
  players: Iterable<Player>,
  matches: Match[],
  goals: Iterable<Goal>,
): LeagueData {
  const knownPlayers = new Map(uniqueById(players).map((p) => [p.id, p]));
  const uniqueTeams = uniqueById(teams).map((team) => ({
    ...team,
    playerIds: [...new Set(team.playerIds)].filter((id) =>
      knownPlayers.has(id),
    ),
  }));
  const rostered = new Set(uniqueTeams.flatMap((team) => team.playerIds));
  const uniqueMatches = uniqueById(matches);
  const matchIds = new Set(uniqueMatches.map((match) => match.id));

  return {
    teams: uniqueTeams,
    players: [...knownPlayers.values()].filter((p) => rostered.has(p.id)),
    matches: uniqueMatches,
    goals: uniqueById(goals).filter((goal) => matchIds.has(goal.matchId)),
  };
}

/** Rows added, changed or removed between two leagues. */
export function countChanges(
  previous: LeagueData | null,
  next: LeagueData,
): number {
  if (!previous) {
    return (
      next.teams.length +
      next.players.length +
      next.matches.length +
      next.goals.length
    );
  }
  const differ = <T extends { id: number }>(before: T[], after: T[]) => {
    const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
    let changed = 0;
    for (const item of after) {
      if (old.get(item.id) !== JSON.stringify(item)) changed++;
      old.delete(item.id);
    }
    return changed + old.size;
  };
  return (
    differ(previous.teams, next.teams) +
    differ(previous.players, next.players) +
    differ(previous.matches, next.matches) +
    differ(previous.goals, next.goals)
  );
}
