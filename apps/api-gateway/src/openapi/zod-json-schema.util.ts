import { z } from 'zod';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses) object. */
export type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema for the zod constructs the route table uses (objects, strings with checks, numbers,
 * booleans, literals, enums, arrays, unions, optional/default, effects). Anything else throws, so a
 * route using a new construct cannot silently be documented wrong.
 */
export function jsonSchemaOf(schema: z.ZodTypeAny): JsonSchema {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return jsonSchemaOf(schema.unwrap() as z.ZodTypeAny);
  if (schema instanceof z.ZodDefault) {
    return {
      ...jsonSchemaOf(schema.removeDefault() as z.ZodTypeAny),
      default: schema._def.defaultValue() as unknown,
    };
  }
  if (schema instanceof z.ZodEffects) return jsonSchemaOf(schema.innerType() as z.ZodTypeAny);
  if (schema instanceof z.ZodPipeline) return jsonSchemaOf(schema._def.in as z.ZodTypeAny);
  if (schema instanceof z.ZodString) return stringSchema(schema);
  if (schema instanceof z.ZodNumber) return numberSchema(schema);
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodLiteral) return { const: schema.value as unknown };
  if (schema instanceof z.ZodEnum) return { type: 'string', enum: [...(schema.options as string[])] };
  if (schema instanceof z.ZodArray) {
    const min = schema._def.minLength?.value;
    return {
      type: 'array',
      items: jsonSchemaOf(schema.element as z.ZodTypeAny),
      ...(min === undefined ? {} : { minItems: min }),
    };
  }
  if (schema instanceof z.ZodUnion) return { anyOf: (schema.options as z.ZodTypeAny[]).map(jsonSchemaOf) };
  if (schema instanceof z.ZodObject) return objectSchema(schema);
  throw new Error(`jsonSchemaOf: unsupported zod type ${schema.constructor.name}`);
}

/** Whether a field may be left out of a request. */
export function isOptional(schema: z.ZodTypeAny): boolean {
  return schema.isOptional() || schema instanceof z.ZodDefault;
}

function objectSchema(schema: z.AnyZodObject): JsonSchema {
  const shape = schema.shape as Record<string, z.ZodTypeAny>;
  const required = Object.keys(shape).filter((k) => !isOptional(shape[k]));
  const unknownKeys = schema._def.unknownKeys as 'strict' | 'strip' | 'passthrough';
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, jsonSchemaOf(v)])),
    ...(required.length > 0 ? { required } : {}),
    ...(unknownKeys === 'strict' ? { additionalProperties: false } : {}),
  };
}

function stringSchema(schema: z.ZodString): JsonSchema {
  const out: JsonSchema = { type: 'string' };
  for (const check of schema._def.checks) {
    if (check.kind === 'min') out['minLength'] = check.value;
    else if (check.kind === 'max') out['maxLength'] = check.value;
    else if (check.kind === 'regex') out['pattern'] = check.regex.source;
    else if (check.kind === 'uuid') out['format'] = 'uuid';
    else if (check.kind === 'datetime') out['format'] = 'date-time';
    else if (check.kind === 'url') out['format'] = 'uri';
    else throw new Error(`jsonSchemaOf: unsupported string check ${check.kind}`);
  }
  return out;
}

function numberSchema(schema: z.ZodNumber): JsonSchema {
  const out: JsonSchema = { type: schema.isInt ? 'integer' : 'number' };
  for (const check of schema._def.checks) {
    if (check.kind === 'min') out[check.inclusive ? 'minimum' : 'exclusiveMinimum'] = check.value;
    if (check.kind === 'max') out[check.inclusive ? 'maximum' : 'exclusiveMaximum'] = check.value;
  }
  return out;
}
