import { PlayerDto } from '../../common/dto/league.dto';
import { Page } from '../../common/dto/page.dto';
import { PlayerProfile } from '../../league/player-profile';

export class PlayerPageDto {
  /** The players on this page, by display name in Unicode code-point order, then id. */
  items: PlayerDto[];

  /** How many players match, on all pages together. @example 1 */
  total: number;

  /** The page size asked for. @example 20 */
  limit: number;

  /** How many matching players come before this page. @example 0 */
  offset: number;

  static from(page: Page<PlayerProfile>): PlayerPageDto {
    return {
      items: page.items.map((profile) => PlayerDto.from(profile)),
      total: page.total,
      limit: page.limit,
      offset: page.offset,
    };
  }
}
