import { MatchDto, PlayerDto } from '../../common/dto/league.dto';
import { Versus } from '../versus.service';

export class VersusDto {
  player1: PlayerDto;

  player2: PlayerDto;

  /** How many matches the two met in; the console program's number. @example 1 */
  matches_played: number;

  /** Those matches, ordered by id. */
  matches: MatchDto[];

  static from(versus: Versus): VersusDto {
    return {
      player1: PlayerDto.from(versus.player1),
      player2: PlayerDto.from(versus.player2),
      matches_played: versus.matches.length,
      matches: versus.matches.map((match) => MatchDto.from(match)),
    };
  }
}
