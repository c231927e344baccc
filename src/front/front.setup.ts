import { NestExpressApplication } from '@nestjs/platform-express';
import hbs from 'hbs';
import { join } from 'node:path';
import { ErrorPageRenderer } from '../common/http/http-exception.filter';
import { FrontErrorPages } from './front-error-pages.service';

// src/front and dist/front are both two levels below the repository root.
const REPOSITORY_ROOT = join(__dirname, '..', '..');
export const VIEWS_DIR = join(REPOSITORY_ROOT, 'views');
export const PUBLIC_DIR = join(REPOSITORY_ROOT, 'public');

/**
 * Handlebars views with their partials, the stylesheet under /static, and
 * the renderer that turns errors under /front into pages.
 */
export function configureViews(app: NestExpressApplication): ErrorPageRenderer {
  app.useStaticAssets(PUBLIC_DIR, { prefix: '/static/' });
  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('hbs');
  hbs.registerPartials(join(VIEWS_DIR, 'partials'));
  return app.get(FrontErrorPages).render;
}
