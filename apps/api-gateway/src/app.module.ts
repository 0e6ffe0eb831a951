import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { SERVICE_NAME, type ApiGatewayEnv } from './config/env';
import { entities, migrations } from './migrations';

/** What frontends and operators call: REST, WebSocket, identity, rate limits (DESIGN.md). */
@Module({})
export class AppModule {
  static register(env: ApiGatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: SERVICE_NAME,
          env,
          entities,
          migrations,
          produces: [],
        }),
      ],
    };
  }
}
