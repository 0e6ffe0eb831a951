import { Module } from '@nestjs/common';
import { ActivityConsumer } from './activity.consumer';
import { ActivityService } from './activity.service';

@Module({ providers: [ActivityService, ActivityConsumer] })
export class ActivityModule {}
