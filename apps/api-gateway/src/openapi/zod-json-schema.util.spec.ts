import { z } from 'zod';
import { jsonSchemaOf } from './zod-json-schema.util';

describe(jsonSchemaOf.name, () => {
  it('describes a strict object with required and optional fields', () => {
    const schema = z
      .object({
        address: z
          .string()
          .regex(/^0x[0-9a-f]{40}$/)
          .transform((s) => s.toLowerCase()),
        limit: z.coerce.number().int().min(1).max(500).optional(),
        role: z.enum(['viewer', 'admin']).default('viewer'),
      })
      .strict();
    expect(jsonSchemaOf(schema)).toEqual({
      type: 'object',
      properties: {
        address: { type: 'string', pattern: '^0x[0-9a-f]{40}$' },
        limit: { type: 'integer', minimum: 1, maximum: 500 },
        role: { type: 'string', enum: ['viewer', 'admin'], default: 'viewer' },
      },
      required: ['address'],
      additionalProperties: false,
    });
  });

  it('describes unions, literals and arrays', () => {
    const schema = z.union([
      z.object({ all: z.literal(true) }).passthrough(),
      z.array(z.string().uuid()).min(1),
    ]);
    expect(jsonSchemaOf(schema)).toEqual({
      anyOf: [
        { type: 'object', properties: { all: { const: true } }, required: ['all'] },
        { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1 },
      ],
    });
  });

  it('refuses a construct it cannot describe', () => {
    expect(() => jsonSchemaOf(z.map(z.string(), z.string()))).toThrow('unsupported zod type ZodMap');
  });
});
