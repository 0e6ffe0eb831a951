import { Controller, Header } from '@nestjs/common';
import { Endpoint } from '../routes/endpoint.decorator';
import { gatewayRoutes, routeTable } from '../routes/route-table';
import { docsPageOf } from './docs-page.util';
import { buildOpenApiDocument } from './openapi-document';

/** Serves the API description generated from the route table (the same as the committed openapi.json). */
@Controller()
export class OpenApiController {
  private readonly document = buildOpenApiDocument(routeTable);
  private readonly page = docsPageOf(routeTable);

  @Endpoint(gatewayRoutes.openapi)
  openapi() {
    return this.document;
  }

  @Endpoint(gatewayRoutes.docs)
  @Header('Content-Type', 'text/html; charset=utf-8')
  docs() {
    return this.page;
  }
}
