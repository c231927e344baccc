import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page.dto';

export const PLAYER_SEARCH_MAX_LENGTH = 100;

export class PlayersQueryDto extends PageQueryDto {
  /**
   * Part of the player's display name, in any case; leading and trailing spaces are ignored. Empty or absent: every player.
   * @example "messi"
   */
  @MaxLength(PLAYER_SEARCH_MAX_LENGTH, {
    message: `search must be at most ${PLAYER_SEARCH_MAX_LENGTH} characters`,
  })
  @IsString({ message: 'search must be given once, as text' })
  @IsOptional()
  search?: string;
}
