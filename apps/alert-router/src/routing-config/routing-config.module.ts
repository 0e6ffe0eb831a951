import { Module } from '@nestjs/common';
import { ReloadController } from './reload.controller';

/** `POST /-/reload` (the config service itself lives in the core module). */
@Module({ controllers: [ReloadController] })
export class RoutingConfigModule {}
