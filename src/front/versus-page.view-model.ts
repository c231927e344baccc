import { LeagueSnapshot } from '../league/league-snapshot';
import { PlayerProfile } from '../league/player-profile';
import { Versus } from '../versus/versus.service';
import { Fixture, fixture } from './fixture.view-model';
import { PageFrame, PageProblem } from './layout.view-model';
import {
  goalsPageHref,
  nounFor,
  playerLabel,
  teamPageHref,
} from './page-format';
import { PlayerOptionGroup, playerPicker } from './player-picker.view-model';

export interface PlayerCard {
  id: number;
  name: string;
  /** Shirt number as text; null when the upstream gives none. */
  shirt: string | null;
  teams: { name: string; href: string }[];
  goalsHref: string;
}

export interface VersusAnswer {
  player1: PlayerCard;
  player2: PlayerCard;
  matchesPlayed: number;
  /** `match` or `matches`, to follow matchesPlayed */
  matchesNoun: string;
  matches: Fixture[];
  /** Both pickers chose the same player, who never meets himself. */
  samePlayer: boolean;
}

export interface VersusPage extends PageFrame {
  form: { player1: PlayerOptionGroup[]; player2: PlayerOptionGroup[] };
  answer: VersusAnswer | null;
  problem: PageProblem | null;
}

export function playerCard({ player, teams }: PlayerProfile): PlayerCard {
  return {
    id: player.id,
    name: playerLabel(player),
    shirt: player.number === null ? null : String(player.number),
    teams: teams.map((team) => ({
      name: team.name,
      href: teamPageHref(team.name),
    })),
    goalsHref: goalsPageHref(player.id),
  };
}

export function versusAnswer(
  league: LeagueSnapshot,
  versus: Versus,
): VersusAnswer {
  return {
    player1: playerCard(versus.player1),
    player2: playerCard(versus.player2),
    matchesPlayed: versus.matches.length,
    matchesNoun: nounFor(versus.matches.length, 'match', 'matches'),
    matches: versus.matches.map((match) => fixture(league, match)),
    samePlayer: versus.player1.player.id === versus.player2.player.id,
  };
}

export function versusPage(
  frame: PageFrame,
  league: LeagueSnapshot | null,
  selected: { player1?: number; player2?: number },
  answer: VersusAnswer | null,
): VersusPage {
  return {
    ...frame,
    form: {
      player1: playerPicker(league, selected.player1),
      player2: playerPicker(league, selected.player2),
    },
    answer,
    problem: null,
  };
}
