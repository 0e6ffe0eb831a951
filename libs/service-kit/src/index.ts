export { ServiceKitModule, type ServiceKitOptions } from './service-kit.module';
export { runService, exitOnBootFailure, type RunServiceOptions } from './bootstrap/run-service';
export type { InstrumentedService } from './instrument';
export {
  serviceDataSourceOptions,
  openServiceDataSource,
  pendingSchemaChanges,
  type ServiceDatabaseOptions,
} from './database/service-data-source';
export { ProblemDetailsFilter, toProblem, type ProblemDetails } from './http/problem-details.filter';
export { parseOrBadRequest } from './http/parse-or-bad-request.util';
