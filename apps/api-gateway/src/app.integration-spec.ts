import { describeServiceBoot } from '@convergence/service-kit/testing';
import { entities, migrations } from './migrations';

describeServiceBoot({ app: 'api-gateway', entities, migrations });
