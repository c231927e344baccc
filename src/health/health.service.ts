import {
  HttpStatus,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import {
  HealthDetailsDto,
  HealthIndicatorsDto,
  HealthReportDto,
} from './dto/health-report.dto';
import { HealthIndicators } from './health.indicators';

export interface HealthAnswer {
  httpStatus: HttpStatus;
  report: HealthReportDto;
}

/**
 * The database and a loaded league decide whether the service can answer
 * (200 or 503). The last sync and the upstream only turn `ok` into
 * `degraded`: stored data is still served while they are down.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly terminus: HealthCheckService,
    private readonly indicators: HealthIndicators,
  ) {}

  async check(): Promise<HealthAnswer> {
    const [essential, sync] = await Promise.all([
      this.essentialCheck(),
      this.indicators.syncRuns(),
    ]);
    const upstream = this.indicators.upstreamState();
    const details = {
      ...essential.details,
      ...sync,
      ...upstream,
    } as unknown as HealthDetailsDto;
    const info: HealthIndicatorsDto = {};
    const error: HealthIndicatorsDto = {};
    const indicators = Object.entries(details) as Array<
      [string, { status: 'up' | 'down' }]
    >;
    for (const [key, value] of indicators) {
      Object.assign(value.status === 'up' ? info : error, { [key]: value });
    }

    const canAnswer = essential.status === 'ok';
    const status = !canAnswer
      ? essential.status
      : Object.keys(error).length > 0
        ? 'degraded'
        : 'ok';
    return {
      httpStatus: canAnswer ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE,
      report: { status, info, error, details },
    };
  }

  private async essentialCheck(): Promise<HealthCheckResult> {
    try {
      return await this.terminus.check([
        () => this.indicators.database(),
        () => this.indicators.data(),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}
