import { IdParameter } from '../../common/validation/id-parameter.decorator';

export class VersusQueryDto {
  @IdParameter('Id of the first player', 1)
  player1_id: number;

  @IdParameter('Id of the second player', 7)
  player2_id: number;
}
