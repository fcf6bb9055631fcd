import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';
import { PROBLEM_DETAILS_SCHEMA_NAME } from './problem-details.schema';

export interface ProblemExample {
  status: number;
  description: string;
  /** `type` slug, title and detail of the answer, as `ProblemException.of` builds it. */
  slug: string;
  title: string;
  detail: string;
  extensions?: Record<string, unknown>;
  /** Response headers the answer carries (e.g. `Retry-After`). */
  headers?: Record<string, { description: string; schema: { type: 'string' | 'integer' } }>;
}

/** Documents an error answer as application/problem+json with the ProblemDetails schema and an example. */
export function ApiProblemResponse(problem: ProblemExample): MethodDecorator & ClassDecorator {
  const { status, description, slug, title, detail, extensions = {}, headers } = problem;
  return applyDecorators(
    ApiResponse({
      status,
      description,
      headers,
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: { $ref: `#/components/schemas/${PROBLEM_DETAILS_SCHEMA_NAME}` },
          example: { type: `urn:voucher-bridge:problem:${slug}`, title, status, detail, ...extensions },
        },
      },
    }),
  );
}
