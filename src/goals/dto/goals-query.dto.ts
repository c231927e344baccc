import { IdParameter } from '../../common/validation/id-parameter.decorator';

export class GoalsQueryDto {
  @IdParameter('Id of the player whose goals to list', 321)
  player_id: number;
}
