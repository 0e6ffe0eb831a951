import { env, logger, telemetry } from './instrument';
import { exitOnBootFailure, runService } from '@convergence/service-kit';
import { AppModule } from './app.module';
import { SERVICE_NAME } from './config/env';

runService(AppModule.register(env), {
  serviceName: SERVICE_NAME,
  port: env.PORT,
  host: env.HOST,
  logger,
  telemetry,
}).catch(exitOnBootFailure(logger));
