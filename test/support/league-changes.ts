import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';

type Row = Record<string, unknown>;

function rows(items: unknown[]): Row[] {
  return items as Row[];
}

export function teamId(sandbox: SandboxUpstream, name: string): number {
  const team = rows(sandbox.dataset.teams).find((item) => item.name === name);
  if (!team) throw new Error(`no team ${name} in the sandbox`);
  return team.id as number;
}

/**
 * Swaps the score of one match the team lost, turning it into a win:
 * the team's stats then change by one win and one loss less.
 */
export function turnLossIntoWin(
  sandbox: SandboxUpstream,
  name: string,
): number {
  const id = teamId(sandbox, name);
  const match = rows(sandbox.dataset.matches).find(
    (item) =>
      (item.team1 === id &&
        Number(item.team1_score) < Number(item.team2_score)) ||
      (item.team2 === id &&
        Number(item.team2_score) < Number(item.team1_score)),
  );
  if (!match) throw new Error(`${name} lost no match`);
  [match.team1_score, match.team2_score] = [
    match.team2_score,
    match.team1_score,
  ];
  return match.id as number;
}

/** Adds a match between two teams with one goal by the first roster player of the home side. */
export function addMatchWithGoal(
  sandbox: SandboxUpstream,
  home: string,
  away: string,
): { matchId: number; scorerId: number; minute: number } {
  const homeTeam = rows(sandbox.dataset.teams).find(
    (item) => item.name === home,
  );
  if (!homeTeam) throw new Error(`no team ${home} in the sandbox`);
  const matchId =
    Math.max(...rows(sandbox.dataset.matches).map((m) => m.id as number)) + 1;
  const goalId =
    Math.max(...rows(sandbox.dataset.goals).map((g) => g.id as number)) + 1;
  const scorerId = (homeTeam.players as number[])[0];
  const minute = 77;
  sandbox.dataset.matches.push({
    id: matchId,
    team1: homeTeam.id,
    team1_score: 1,
    team2: teamId(sandbox, away),
    team2_score: 0,
  });
  sandbox.dataset.goals.push({
    id: goalId,
    player: scorerId,
    match: matchId,
    minute,
  });
  return { matchId, scorerId, minute };
}
