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
  ApiNotModifiedResponse,
  ApiResponseOptions,
  ApiServiceUnavailableResponse,
  DECORATORS,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import {
  LeagueService,
  NO_DATA_RETRY_AFTER_SECONDS,
} from '../../league/league.service';
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

const FRESHNESS_HEADERS = {
  [SYNCED_AT_HEADER]: {
    description: 'When the sync that produced this data finished (ISO 8601)',
    schema: {
      type: 'string',
      format: 'date-time',
      example: '2025-05-31T12:00:00.000Z',
    },
  },
  'Last-Modified': {
    description: 'When the stored data last changed (HTTP date)',
    schema: { type: 'string', example: 'Sat, 31 May 2025 12:00:00 GMT' },
  },
  ETag: {
    description:
      'Identifies the stored data; it changes only when the data does. Send it back in If-None-Match',
    schema: { type: 'string', example: '"ec7d79dca649e93f847994881de06869"' },
  },
};

/**
 * Adds the freshness headers to the 200 response. ApiOkResponse would do,
 * but it resets the body type the swagger plugin derived from the handler's
 * return type; the plugin's decorator has already run when this one does.
 */
function ApiOkFreshnessHeaders(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const responses = (Reflect.getMetadata(
      DECORATORS.API_RESPONSE,
      descriptor.value as object,
    ) ?? {}) as Record<string, ApiResponseOptions>;
    const ok = responses['200'] ?? {};
    Reflect.defineMetadata(
      DECORATORS.API_RESPONSE,
      {
        ...responses,
        200: {
          ...ok,
          description: ok.description || 'The answer, from the stored data',
          headers: FRESHNESS_HEADERS,
        },
      },
      descriptor.value as object,
    );
  };
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
    ApiOkFreshnessHeaders(),
    ApiNotModifiedResponse({
      description:
        'Not modified: the data has not changed since the given ETag or date',
      headers: { ETag: FRESHNESS_HEADERS.ETag },
    }),
    ApiServiceUnavailableResponse({
      description:
        'No data stored yet: the first sync has not finished. Retry after the Retry-After header',
      type: ErrorBodyDto,
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before asking again',
          schema: {
            type: 'integer',
            example: NO_DATA_RETRY_AFTER_SECONDS,
          },
        },
      },
    }),
  );
}
