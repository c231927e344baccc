import { IdParameter } from '../../common/validation/id-parameter.decorator';

export class TeamIdParamsDto {
  @IdParameter('Id of the team', 6)
  id: number;
}
