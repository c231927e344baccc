import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthReportDto } from './dto/health-report.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * Whether the service can answer, how fresh its data is, how the last sync
   * went and how the upstream is doing. Never cached.
   */
  @Get()
  @ApiOkResponse({
    description:
      'The service answers: status ok, or degraded when it serves stored data while the last sync failed or the upstream is down',
    type: HealthReportDto,
  })
  @ApiServiceUnavailableResponse({
    description:
      'The service cannot answer: no league loaded yet, the database does not respond, or it is shutting down',
    type: HealthReportDto,
  })
  async check(
    @Res({ passthrough: true }) response: Response,
  ): Promise<HealthReportDto> {
    const { httpStatus, report } = await this.health.check();
    response.status(httpStatus).setHeader('Cache-Control', 'no-store');
    return report;
  }
}
