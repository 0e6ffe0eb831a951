import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { PRINCIPAL, type Principal } from './principal';

/** The caller the access guard identified (anonymous on public routes without credentials). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ [PRINCIPAL]?: Principal; ip?: string }>();
  return request[PRINCIPAL] ?? { kind: 'anonymous', role: 'public', ip: request.ip ?? 'unknown' };
});
