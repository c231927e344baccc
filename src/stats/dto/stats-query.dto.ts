import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const TEAM_NAME_MAX_LENGTH = 200;

export class StatsQueryDto {
  /**
   * The team's exact name: case, inner spaces and Unicode as the upstream gives them.
   * @example "Chelsea"
   */
  // Decorators register bottom-up and run in that order: presence first.
  @MaxLength(TEAM_NAME_MAX_LENGTH, {
    message: `team_name must be at most ${TEAM_NAME_MAX_LENGTH} characters`,
  })
  @IsNotEmpty({ message: 'team_name must not be empty' })
  @IsString({ message: 'team_name must be given once, as text' })
  @IsDefined({ message: 'team_name is required' })
  team_name: string;
}
