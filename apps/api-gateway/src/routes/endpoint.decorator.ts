import { RequestMapping, RequestMethod, SetMetadata, applyDecorators, HttpCode } from '@nestjs/common';
import type { RouteDefinition } from './route.model';

/** Metadata key under which a handler's RouteDefinition is kept for the guard and the forwarder. */
export const ROUTE_DEFINITION = 'api-gateway:route';

/**
 * Serves a handler at the route's method and path and attaches its definition, so access, rate
 * limits and validation all come from the route table.
 *
 * @example
 * @Endpoint(identityRoutes.verify) verify(@Body() body: unknown) { ... }
 */
export function Endpoint(route: RouteDefinition): MethodDecorator {
  return applyDecorators(
    RequestMapping({ path: route.path, method: RequestMethod[route.method] }),
    HttpCode(route.status ?? 200),
    SetMetadata(ROUTE_DEFINITION, route),
  );
}
