import { Module } from '@nestjs/common';
import { StatusController } from '../status/status.controller';
import { StatusService } from '../status/status.service';
import { ReevaluationRunner } from './reevaluation.runner';

/** Background re-evaluation after definition changes, and the status that shows its progress. */
@Module({ controllers: [StatusController], providers: [ReevaluationRunner, StatusService] })
export class ReevaluationModule {}
