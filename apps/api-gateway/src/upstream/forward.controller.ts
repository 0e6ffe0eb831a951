import { Controller, Inject, Req, Res, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Endpoint } from '../routes/endpoint.decorator';
import type { RouteDefinition } from '../routes/route.model';
import { ForwardService } from './forward.service';

/**
 * A controller serving every forwarded route of the table, one handler per route, so adding a
 * route to the table is all it takes to serve, guard, document and test it.
 */
export function forwardControllerFor(routes: readonly RouteDefinition[]): Type {
  @Controller()
  class ForwardController {
    constructor(@Inject(ForwardService) readonly forwarder: ForwardService) {}
  }
  for (const route of routes) {
    const key = `forward:${route.id}`;
    Object.defineProperty(ForwardController.prototype, key, {
      value: function (this: ForwardController, request: Request, response: Response) {
        return this.forwarder.handle(route, request, response);
      },
      writable: true,
      configurable: true,
    });
    const descriptor = Object.getOwnPropertyDescriptor(ForwardController.prototype, key)!;
    Endpoint(route)(ForwardController.prototype, key, descriptor);
    Req()(ForwardController.prototype, key, 0);
    Res()(ForwardController.prototype, key, 1);
    // Nest reads parameter types to pick pipes; these handlers take the raw request and response.
    Reflect.defineMetadata('design:paramtypes', [Object, Object], ForwardController.prototype, key);
  }
  return ForwardController;
}
