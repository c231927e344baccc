import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiHeader,
  ApiResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { LeagueService } from '../../league/league.service';
import { ErrorBodyDto } from './error-body.dto';

export const SYNCED_AT_HEADER = 'X-Data-Synced-At';

/**
 * Tells how fresh every data answer is, and makes it cacheable: the ETag is
 * the stored content's hash, so it changes only when the data does. Express
 * answers a matching If-None-Match or If-Modified-Since with 304.
 * Before any data is stored the handler is not reached: 503 with Retry-After.
 */
@Injectable()
export class DataFreshnessInterceptor implements NestInterceptor {
  constructor(private readonly league: LeagueService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const snapshot = this.league.require();
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader(SYNCED_AT_HEADER, snapshot.times.syncedAt.toISOString());
    response.setHeader(
      'Last-Modified',
      snapshot.times.modifiedAt.toUTCString(),
    );
    response.setHeader('ETag', `"${snapshot.contentHash.slice(0, 32)}"`);
    response.setHeader('Cache-Control', 'no-cache');
    return next.handle();
  }
}

/** Marks a handler as answering from stored data, for Nest and for OpenAPI. */
export function DataEndpoint() {
  return applyDecorators(
    UseInterceptors(DataFreshnessInterceptor),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description:
        'An ETag from an earlier answer: 304 while the data is unchanged',
    }),
    ApiResponse({
      status: 304,
      description:
        'Not modified: the data has not changed since the given ETag or date',
    }),
    ApiServiceUnavailableResponse({
      description:
        'No data stored yet: the first sync has not finished. Retry after the Retry-After header',
      type: ErrorBodyDto,
    }),
  );
}
