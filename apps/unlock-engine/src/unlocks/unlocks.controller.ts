import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { EngineRequestError } from '../http/engine-request.error';
import { UnlockDefinitionsService, type UnlockDefinitionView } from './unlock-definitions.service';

/** Unlock definitions: list, get (optionally a past version), create, update (new version), deactivate. */
@Controller('unlocks')
export class UnlocksController {
  constructor(private readonly definitions: UnlockDefinitionsService) {}

  @Get()
  list(): Promise<UnlockDefinitionView[]> {
    return this.definitions.list();
  }

  @Get(':id')
  get(@Param('id') id: string, @Query('version') version?: string): Promise<UnlockDefinitionView> {
    return this.definitions.get(id, version === undefined ? undefined : versionOf(version));
  }

  @Post()
  create(@Body() body: unknown): Promise<UnlockDefinitionView> {
    return this.definitions.create(body);
  }

  @Put(':id')
  update(@Param('id') id: string, @Body() body: unknown): Promise<UnlockDefinitionView> {
    return this.definitions.update(id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id') id: string): Promise<UnlockDefinitionView> {
    return this.definitions.deactivate(id);
  }
}

function versionOf(input: string): number {
  const version = Number(input);
  if (!Number.isInteger(version) || version < 1) {
    throw new EngineRequestError('invalid-request', 'version must be a positive integer', [
      { field: 'version', message: 'must be a positive integer' },
    ]);
  }
  return version;
}
