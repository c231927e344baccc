import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { SYNCED_AT_HEADER } from '../common/http/data-freshness.interceptor';
import { LeagueService } from '../league/league.service';

/**
 * Pages say how fresh their data is, like the JSON answers, but keep
 * Express's ETag of the page itself: a page also shows the sync time and
 * warnings, which change while the data's hash does not.
 * Before any data is stored the handler is not reached: 503 with Retry-After.
 */
@Injectable()
export class PageFreshnessInterceptor implements NestInterceptor {
  constructor(private readonly league: LeagueService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const snapshot = this.league.require();
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader(SYNCED_AT_HEADER, snapshot.times.syncedAt.toISOString());
    response.setHeader('Cache-Control', 'no-cache');
    return next.handle();
  }
}
