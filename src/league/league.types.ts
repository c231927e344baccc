/**
 * The league as the upstream describes it, after validation and normalisation.
 * Every part of the product (sync, storage, indexes, answers) speaks these types.
 */
export interface Team {
  id: number;
  name: string;
  /** Player ids as the upstream's roster lists them, duplicates removed. */
  playerIds: number[];
}

export interface Player {
  id: number;
  name: string;
  /** Empty when the upstream leaves the surname out or sends it empty. */
  surname: string;
  /** Shirt number; null when the upstream sends none. */
  number: number | null;
}

export interface Match {
  id: number;
  team1Id: number;
  team2Id: number;
  team1Score: number;
  team2Score: number;
}

export interface Goal {
  id: number;
  playerId: number;
  matchId: number;
  minute: number;
}

/** Everything one sync brings: the whole league at one moment. */
export interface LeagueData {
  teams: Team[];
  players: Player[];
  matches: Match[];
  goals: Goal[];
}
