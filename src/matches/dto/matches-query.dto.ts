import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page.dto';
import { IdParameter } from '../../common/validation/id-parameter.decorator';

export class MatchesQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IdParameter('Only the matches of the team with this id', 6)
  @IsOptional()
  team_id?: number;
}
