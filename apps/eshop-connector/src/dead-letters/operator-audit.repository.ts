import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@voucher-bridge/database';
import type { ApiKey } from '@voucher-bridge/api-keys';

export interface AuditEntry {
  id: string;
  at: Date;
  apiKeyId: string;
  apiKeyLabel: string | null;
  action: string;
  dryRun: boolean;
  target: unknown;
  outcome: unknown;
}

/** operator_audit: every replay (dry runs too) and discard, who did it and how it ended. */
@Injectable()
export class OperatorAuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async record(key: ApiKey, action: string, dryRun: boolean, target: object, outcome: object): Promise<void> {
    await this.prisma.operatorAudit.create({
      data: {
        apiKeyId: key.id, apiKeyLabel: key.label, action, dryRun,
        target: target as Prisma.InputJsonValue, outcome: outcome as Prisma.InputJsonValue,
      },
    });
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  async list(limit: number, before?: bigint): Promise<AuditEntry[]> {
    const rows = await this.prisma.operatorAudit.findMany({
      where: before === undefined ? {} : { id: { lt: before } },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.map((row) => ({ ...row, id: row.id.toString() }));
  }
}
