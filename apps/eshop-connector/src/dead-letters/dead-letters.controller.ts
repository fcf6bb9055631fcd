import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CurrentApiKey, RequireApiKey } from '@voucher-bridge/api-keys';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { ProblemException } from '@voucher-bridge/http';
import { decodeCursor, encodeCursor } from './dead-letter-cursor';
import { parseDeadLetterId } from './dead-letter-id';
import { DeadLetterActionsService } from './dead-letter-actions.service';
import { DiscardDeadLettersRequestDto, ReplayDeadLettersRequestDto } from './dead-letter-action.request.dto';
import { DeadLetterActionResponseDto } from './dead-letter-action.response.dto';
import { toDeadLetterDto } from './dead-letter.mapper';
import { DeadLetterRepository } from './dead-letter.repository';
import { DeadLetterDto, DeadLetterPageDto } from './dead-letter.response.dto';
import {
  DiscardDeadLettersApiDocs, ListDeadLettersApiDocs, ReplayDeadLettersApiDocs, ShowDeadLetterApiDocs,
} from './dead-letters.api-docs';
import { ListDeadLettersQueryDto } from './list-dead-letters.query.dto';

/** The operators' dead letters: list, show, replay, discard. Operator keys only (others: 403). */
@Controller('v1/dead-letters')
@RequireApiKey('operator', { otherKind: 'forbidden' })
export class DeadLettersController {
  constructor(
    private readonly deadLetters: DeadLetterRepository,
    private readonly actions: DeadLetterActionsService,
  ) {}

  @Get()
  @ListDeadLettersApiDocs()
  async list(@Query() query: ListDeadLettersQueryDto): Promise<DeadLetterPageDto> {
    const after = query.after === undefined ? undefined : decodeCursor(query.after);
    if (query.after !== undefined && !after) throw invalid('after', 'after must be the nextCursor of a previous page');
    const rows = await this.deadLetters.list({ kind: query.kind, reason: query.reason, status: query.status }, query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toDeadLetterDto),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ parkedAt: last.parked_at, id: last.id }) : null,
    };
  }

  @Get(':id')
  @ShowDeadLetterApiDocs()
  async show(@Param('id') text: string): Promise<DeadLetterDto> {
    const id = parseDeadLetterId(text);
    if (!id) throw invalid('id', 'id must be rec_<n> or dlv_<subscription id>_<event id>');
    const row = await this.deadLetters.find(id);
    if (!row) throw ProblemException.of(404, 'dead-letter-not-found', 'Dead letter not found', `No dead letter ${text}.`, { field: 'id' });
    return toDeadLetterDto(row);
  }

  @Post('replays')
  @HttpCode(HttpStatus.OK)
  @ReplayDeadLettersApiDocs()
  replay(@CurrentApiKey() key: ApiKey, @Body() request: ReplayDeadLettersRequestDto): Promise<DeadLetterActionResponseDto> {
    const { dryRun, ...selection } = request;
    return this.actions.replay(key, selection, dryRun);
  }

  @Post('discards')
  @HttpCode(HttpStatus.OK)
  @DiscardDeadLettersApiDocs()
  discard(@CurrentApiKey() key: ApiKey, @Body() request: DiscardDeadLettersRequestDto): Promise<DeadLetterActionResponseDto> {
    const { reason, ...selection } = request;
    return this.actions.discard(key, selection, reason);
  }
}

function invalid(field: string, message: string): ProblemException {
  return ProblemException.of(400, 'invalid-request', 'Invalid request', `Invalid ${field}`, { errors: [{ field, messages: [message] }] });
}
