import { Type } from '@nestjs/common';

export interface ApiDocsOptions {
  title: string;
  /** Markdown, shown at the top of the page. */
  description: string;
  /** The feature modules whose routes a client calls; health and metrics stay out. */
  include: Type<unknown>[];
  /** Adds the `bearer` security scheme, described so (what key, where it comes from). */
  bearerDescription?: string;
}
