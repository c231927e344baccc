import { Injectable, Logger } from '@nestjs/common';
import { describeErrorWithStack } from '../common/describe-error';
import type { Request, Response } from 'express';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { ErrorPageRenderer } from '../common/http/http-exception.filter';
import { FrontPages, isPagePath } from './front-pages.service';

/** Errors under /front answer as pages with the same status, not as JSON. */
@Injectable()
export class FrontErrorPages {
  private readonly logger = new Logger(FrontErrorPages.name);

  constructor(private readonly pages: FrontPages) {}

  readonly render: ErrorPageRenderer = (response, request, body) => {
    if (!isPagePath(request.path)) return false;
    void this.send(response, request, body);
    return true;
  };

  private async send(
    response: Response,
    request: Request,
    body: ErrorBodyDto,
  ): Promise<void> {
    try {
      const retryAfter = Number(response.getHeader('Retry-After'));
      const { view, model } = await this.pages.problemPage(
        request.path,
        request.query,
        body,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      );
      response.status(body.status).render(view, model, (error, html) => {
        if (error) this.sendPlain(response, body, error);
        else response.send(html);
      });
    } catch (error) {
      this.sendPlain(response, body, error);
    }
  }

  /** The page itself failed: the status and message still reach the reader. */
  private sendPlain(
    response: Response,
    body: ErrorBodyDto,
    error: unknown,
  ): void {
    this.logger.error(
      `Could not render the error page for ${body.path}: ${describeErrorWithStack(error)}`,
    );
    if (response.headersSent) return;
    response
      .status(body.status)
      .type('text/plain')
      .send(`${body.status} ${body.error}: ${body.message}\n`);
  }
}
