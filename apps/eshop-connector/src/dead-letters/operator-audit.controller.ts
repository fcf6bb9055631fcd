import { Controller, Get, Query } from '@nestjs/common';
import { RequireApiKey } from '@voucher-bridge/api-keys';
import { ListOperatorAuditApiDocs } from './operator-audit.api-docs';
import { ListOperatorAuditQueryDto, OperatorAuditPageDto } from './operator-audit.dto';
import { OperatorAuditRepository } from './operator-audit.repository';

/** `GET /v1/operator-audit`: what operators did to dead letters, newest first. */
@Controller('v1/operator-audit')
@RequireApiKey('operator', { otherKind: 'forbidden' })
export class OperatorAuditController {
  constructor(private readonly audit: OperatorAuditRepository) {}

  @Get()
  @ListOperatorAuditApiDocs()
  async list(@Query() query: ListOperatorAuditQueryDto): Promise<OperatorAuditPageDto> {
    const entries = await this.audit.list(query.limit + 1, query.after === undefined ? undefined : BigInt(query.after));
    const page = entries.slice(0, query.limit);
    return {
      items: page.map((entry) => ({
        id: entry.id, at: entry.at.toISOString(), apiKey: { id: entry.apiKeyId, label: entry.apiKeyLabel },
        action: entry.action, dryRun: entry.dryRun, target: entry.target, outcome: entry.outcome,
      })),
      nextCursor: entries.length > query.limit ? page.at(-1)!.id : null,
    };
  }
}
