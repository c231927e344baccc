import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const TEAM_NAME_MAX_LENGTH = 200;

export class StatsQueryDto {
  /**
   * The team's exact name: case, inner spaces and Unicode as the upstream gives them.
   * @example "Chelsea"
   */
  @IsString({ message: 'team_name must be given once, as text' })
  @IsNotEmpty({ message: 'team_name is required and must not be empty' })
  @MaxLength(TEAM_NAME_MAX_LENGTH, {
    message: `team_name must be at most ${TEAM_NAME_MAX_LENGTH} characters`,
  })
  team_name: string;
}
