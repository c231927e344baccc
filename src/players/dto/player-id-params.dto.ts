import { IdParameter } from '../../common/validation/id-parameter.decorator';

export class PlayerIdParamsDto {
  @IdParameter('Id of the player', 1)
  id: number;
}
