import { compareCodePoints } from '../league/display-name';
import { LeagueSnapshot } from '../league/league-snapshot';
import { playerLabel } from './page-format';

export interface PlayerOption {
  id: number;
  label: string;
  selected: boolean;
}

export interface PlayerOptionGroup {
  teamName: string;
  players: PlayerOption[];
}

/**
 * Every rostered player under each team that lists him, teams and players
 * by name. A player on two rosters appears twice but is selected once.
 */
export function playerPicker(
  league: LeagueSnapshot | null,
  selectedId: number | undefined,
): PlayerOptionGroup[] {
  if (!league) return [];
  const teams = [...league.teams].sort(
    (a, b) => compareCodePoints(a.name, b.name) || a.id - b.id,
  );
  const playersByName = league.playersByName();
  let selectionShown = false;

  return teams.map((team) => {
    const onRoster = new Set(team.playerIds);
    const players = playersByName
      .filter((player) => onRoster.has(player.id))
      .map((player) => {
        const selected = !selectionShown && player.id === selectedId;
        if (selected) selectionShown = true;
        return {
          id: player.id,
          label: `${playerLabel(player)} (#${player.id})`,
          selected,
        };
      });
    return { teamName: team.name, players };
  });
}

/** Team names for a `<datalist>`, in code-point order. */
export function teamNames(league: LeagueSnapshot | null): string[] {
  if (!league) return [];
  return league.teams.map((team) => team.name).sort(compareCodePoints);
}
