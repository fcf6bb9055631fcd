import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblemResponse, invalidBody } from '@voucher-bridge/http';
import { OperatorRouteApiDocs } from './dead-letters.api-docs';
import { OperatorAuditPageDto } from './operator-audit.dto';

export const ListOperatorAuditApiDocs = () =>
  applyDecorators(
    OperatorRouteApiDocs(),
    ApiOperation({ summary: 'What operators did', description: 'Every replay (dry runs too) and discard: who, when, what was selected, how each item ended. Newest first.' }),
    ApiOkResponse({ type: OperatorAuditPageDto }),
    ApiProblemResponse(invalidBody([{ field: 'limit', messages: ['limit must not be greater than 500'] }])),
  );
