import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DataNotReadyException } from '../../league/league.service';
import { ErrorBodyDto } from './error-body.dto';
import { NotFoundWithSuggestionsException } from './not-found.exceptions';

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/** Turns anything thrown while answering into the one error body. */
export function toErrorBody(exception: unknown, path: string): ErrorBodyDto {
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : HttpStatus.INTERNAL_SERVER_ERROR;
  const body: ErrorBodyDto = {
    status,
    error: STATUS_CODES[status] ?? 'Error',
    message:
      exception instanceof HttpException
        ? messageOf(exception)
        : 'Something went wrong on our side; it has been logged.',
    path,
  };
  if (exception instanceof NotFoundWithSuggestionsException) {
    body.suggestions = exception.suggestions;
  }
  return body;
}

/** Renders an error for a page instead of JSON; set by the pages' module. */
export type ErrorPageRenderer = (
  response: Response,
  request: Request,
  body: ErrorBodyDto,
) => boolean;

/**
 * Every error from every endpoint gets the same body; unexpected ones are
 * logged here once, with their stack. Expected ones show in the request log.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly renderPage?: ErrorPageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request>();
    const body = toErrorBody(exception, request.path);

    if (!(exception instanceof HttpException)) {
      const detail =
        exception instanceof Error
          ? (exception.stack ?? exception.message)
          : String(exception);
      this.logger.error(`${request.method} ${request.path} failed: ${detail}`);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof DataNotReadyException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (this.renderPage?.(response, request, body)) return;
    response.status(body.status).json(body);
  }
}
