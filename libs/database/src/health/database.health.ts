import { Injectable } from '@nestjs/common';
import { PrismaHealthIndicator } from '@nestjs/terminus';
import { PrismaService } from '../prisma.service';

/** Ready only when PostgreSQL answers a query right now. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly prismaIndicator: PrismaHealthIndicator,
    private readonly prisma: PrismaService,
  ) {}

  isHealthy(key = 'database', timeout = 2_000) {
    return this.prismaIndicator.pingCheck(key, this.prisma, { timeout });
  }
}
