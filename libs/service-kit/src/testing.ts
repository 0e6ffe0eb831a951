export { spawnService, waitForReady, freePort, type ServiceProcess } from './testing/service-process';
export { describeServiceBoot, type ServiceBootSpec } from './testing/describe-service-boot';
