import { routeTable } from '../routes/route-table';
import { buildOpenApiDocument } from './openapi-document';

type Operation = {
  operationId: string;
  'x-access': string;
  security: unknown[];
  parameters?: { name: string; in: string }[];
};

describe(buildOpenApiDocument.name, () => {
  const document = buildOpenApiDocument(routeTable) as {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.values(document.paths).flatMap((p) => Object.values(p));

  it('is OpenAPI 3.1 with one operation per route of the table', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(operations.map((o) => o.operationId).sort()).toEqual(routeTable.map((r) => r.id).sort());
  });

  it('writes path parameters the OpenAPI way and documents them', () => {
    const ceremony = document.paths['/api/unlocks/{id}/ceremony']['get'];
    expect(ceremony.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:address']);
  });

  it('marks public routes as needing no credentials and the rest with their role', () => {
    expect(document.paths['/auth/nonce']['post']).toMatchObject({ 'x-access': 'public', security: [] });
    expect(document.paths['/api/admin/unlocks']['post']['x-access']).toBe('admin');
  });
});
