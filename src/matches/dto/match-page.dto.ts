import { Page } from '../../common/dto/page.dto';
import { MatchWithTeams } from '../matches.service';

export class MatchWithTeamsDto {
  /** @example 1 */
  id: number;

  /** Id of the first team. @example 1 */
  team1: number;

  /** Name of the first team; null when the upstream does not list it. @example "Real Madrid" */
  team1_name: string | null;

  /** Id of the second team. @example 2 */
  team2: number;

  /** Name of the second team; null when the upstream does not list it. @example "Barcelona" */
  team2_name: string | null;

  /** @example 3 */
  team1_score: number;

  /** @example 5 */
  team2_score: number;

  static from({ match, team1, team2 }: MatchWithTeams): MatchWithTeamsDto {
    return {
      id: match.id,
      team1: match.team1Id,
      team1_name: team1?.name ?? null,
      team2: match.team2Id,
      team2_name: team2?.name ?? null,
      team1_score: match.team1Score,
      team2_score: match.team2Score,
    };
  }
}

export class MatchPageDto {
  /** The matches on this page, ordered by id. */
  items: MatchWithTeamsDto[];

  /** How many matches there are, on all pages together. @example 780 */
  total: number;

  /** The page size asked for. @example 20 */
  limit: number;

  /** How many matches come before this page. @example 0 */
  offset: number;

  static from(page: Page<MatchWithTeams>): MatchPageDto {
    return {
      items: page.items.map((listing) => MatchWithTeamsDto.from(listing)),
      total: page.total,
      limit: page.limit,
      offset: page.offset,
    };
  }
}
