import type { SchemaObject } from '@nestjs/swagger';

export const PROBLEM_DETAILS_SCHEMA_NAME = 'ProblemDetails';

/** RFC 9457 problem details as this API fills them in (see `ProblemException`). */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'Stable URN to match on, e.g. `urn:voucher-bridge:problem:invalid-request`.' },
    title: { type: 'string', description: 'Short summary of the problem type.' },
    status: { type: 'integer', description: 'The HTTP status code.' },
    detail: { type: 'string', description: 'What went wrong with this request, for people.' },
    field: { type: 'string', description: 'The request field or header the problem is about, where there is one.' },
    errors: {
      type: 'array',
      description: '400 only: every invalid or unknown field.',
      items: {
        type: 'object',
        required: ['field', 'messages'],
        properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
  additionalProperties: true,
};
