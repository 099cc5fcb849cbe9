// Just enough of OpenAPI 2.0 schema checking to do what gin's JSON binding does to a request
// body: wrong types are rejected ("invalid request"); unknown fields are ignored (Go's
// encoding/json) but reported so tests can assert the client sends none. `required` is not
// enforced: the spec was generated with --requiredByDefault and the server does not check it.

import { readFileSync } from 'node:fs';

interface Schema {
  readonly type?: string;
  readonly $ref?: string;
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema;
}

interface Swagger {
  readonly definitions: Readonly<Record<string, Schema>>;
}

export const swaggerPath = new URL('./signal-cli-rest-api.swagger.json', import.meta.url);
const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8')) as Swagger;

export interface SchemaCheck {
  readonly typeErrors: readonly string[];
  readonly unknownFields: readonly string[];
}

export function checkDefinition(name: string, value: unknown): SchemaCheck {
  const typeErrors: string[] = [];
  const unknownFields: string[] = [];
  const definition = swagger.definitions[name];
  if (!definition) throw new Error(`no definition ${name} in the spec`);
  walk(definition, value, '$', typeErrors, unknownFields);
  return { typeErrors, unknownFields };
}

function walk(schema: Schema, value: unknown, at: string, errors: string[], unknown: string[]): void {
  if (schema.$ref) {
    const target = swagger.definitions[schema.$ref.replace('#/definitions/', '')];
    if (!target) throw new Error(`dangling $ref ${schema.$ref}`);
    walk(target, value, at, errors, unknown);
    return;
  }
  // JSON null decodes to a Go zero value: gin accepts it for any field.
  if (value === null) return;
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') errors.push(`${at}: string expected`);
      else if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: one of ${schema.enum.join(', ')} expected`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) errors.push(`${at}: integer expected`);
      return;
    case 'number':
      if (typeof value !== 'number') errors.push(`${at}: number expected`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${at}: boolean expected`);
      return;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${at}: array expected`);
      else if (schema.items) value.forEach((item, i) => walk(schema.items!, item, `${at}[${i}]`, errors, unknown));
      return;
    case 'object':
    case undefined: {
      if (typeof value !== 'object' || Array.isArray(value)) {
        errors.push(`${at}: object expected`);
        return;
      }
      for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
        const property = schema.properties?.[key] ?? schema.additionalProperties;
        if (property) walk(property, field, `${at}.${key}`, errors, unknown);
        else unknown.push(`${at}.${key}`);
      }
      return;
    }
    default:
      return;
  }
}
