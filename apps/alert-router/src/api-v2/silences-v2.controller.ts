import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
} from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { CLOCK, type Clock } from '../time/clock';
import { SilenceStoreService } from '../silence-store/silence-store.service';
import { InvalidSilenceError } from '../silences/invalid-silence.error';
import { silenceState } from '../silences/silence-state.util';
import { gettableSilenceOf, postableSilenceSchema, silenceDraftOf } from './postable-silence.schema';

/** Alertmanager's API v2 silence endpoints. */
@Controller('api/v2')
export class SilencesV2Controller {
  constructor(
    private readonly silences: SilenceStoreService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('silences')
  @HttpCode(200)
  async post(@Body() body: unknown): Promise<{ silenceID: string }> {
    const silence = parseOrBadRequest(postableSilenceSchema, body, 'invalid silence');
    try {
      return { silenceID: await this.silences.set(silenceDraftOf(silence), silence.id) };
    } catch (error) {
      if (error instanceof InvalidSilenceError) {
        throw new BadRequestException({ title: 'invalid silence', detail: error.message }, { cause: error });
      }
      throw error;
    }
  }

  @Get('silences')
  async list() {
    const now = this.clock();
    return (await this.silences.list()).map((s) => gettableSilenceOf(s, silenceState(s, now)));
  }

  @Get('silence/:id')
  async get(@Param('id') id: string) {
    const silence = await this.silences.get(id);
    return gettableSilenceOf(silence, silenceState(silence, this.clock()));
  }

  @Delete('silence/:id')
  @HttpCode(200)
  async expire(@Param('id') id: string): Promise<void> {
    await this.silences.expire(id);
  }
}
