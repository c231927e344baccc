import { PartialType } from '@nestjs/swagger';
import { GoalsQueryDto } from '../../goals/dto/goals-query.dto';
import { StatsQueryDto } from '../../stats/dto/stats-query.dto';
import { VersusQueryDto } from '../../versus/dto/versus-query.dto';

// The JSON API's rules for each parameter; a page asked without any shows its form.

export class StatsPageQueryDto extends PartialType(StatsQueryDto) {}

export class VersusPageQueryDto extends PartialType(VersusQueryDto) {}

export class GoalsPageQueryDto extends PartialType(GoalsQueryDto) {}
