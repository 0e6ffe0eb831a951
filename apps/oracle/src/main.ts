import { service } from './instrument';
import { exitOnBootFailure, runService } from '@convergence/service-kit';
import { AppModule } from './app.module';

runService(AppModule.register(service.env, service.logger), service).catch(exitOnBootFailure(service.logger));
