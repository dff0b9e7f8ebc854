import { z } from 'zod';

/** The kinds of control the editor draws, read off a zod schema through its JSON Schema. */
export type FieldSpec = { help?: string } & (
  | { kind: 'number'; integer: boolean; min?: number; max?: number; nullable: boolean }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: string[] }
  | { kind: 'number-list'; integer: boolean }
  | { kind: 'text' }
  | { kind: 'object'; fields: { name: string; spec: FieldSpec }[] }
  | { kind: 'unsupported' }
);

interface JsonNode {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonNode[];
  items?: JsonNode;
  properties?: Record<string, JsonNode>;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

function specOf(node: JsonNode): FieldSpec {
  const help = node.description;
  const variants = node.anyOf ?? [];
  const nonNull = variants.filter((v) => v.type !== 'null');
  if (variants.length > 0 && nonNull.length === 1) {
    const inner = specOf({ ...nonNull[0], description: help });
    if (inner.kind === 'number') return { ...inner, nullable: true };
    return { kind: 'unsupported', help };
  }
  if (node.enum && node.enum.every((v) => typeof v === 'string')) {
    return { kind: 'enum', options: node.enum as string[], help };
  }
  switch (node.type) {
    case 'number':
    case 'integer':
      return {
        kind: 'number',
        integer: node.type === 'integer',
        min: node.minimum ?? node.exclusiveMinimum,
        max: node.maximum ?? node.exclusiveMaximum,
        nullable: false,
        help,
      };
    case 'boolean':
      return { kind: 'boolean', help };
    case 'string':
      return { kind: 'text', help };
    case 'object':
      return {
        kind: 'object',
        fields: Object.entries(node.properties ?? {}).map(([name, child]) => ({ name, spec: specOf(child) })),
        help,
      };
    case 'array': {
      const t = node.items?.type;
      if (t === 'number' || t === 'integer') return { kind: 'number-list', integer: t === 'integer', help };
      return { kind: 'unsupported', help };
    }
    default:
      return { kind: 'unsupported', help };
  }
}

const cache = new WeakMap<z.ZodType, FieldSpec>();
const objectCache = new WeakMap<z.ZodType, { name: string; spec: FieldSpec }[]>();

function toJson(schema: z.ZodType): JsonNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
}

/** The control for one schema (a number, an enum, ...). */
export function fieldSpec(schema: z.ZodType): FieldSpec {
  let spec = cache.get(schema);
  if (!spec) {
    spec = specOf(toJson(schema));
    cache.set(schema, spec);
  }
  return spec;
}

/** One control per property of an object schema (a module's parameters), in declaration order. */
export function objectFields(schema: z.ZodType): { name: string; spec: FieldSpec }[] {
  let fields = objectCache.get(schema);
  if (!fields) {
    const props = toJson(schema).properties ?? {};
    fields = Object.entries(props).map(([name, node]) => ({ name, spec: specOf(node) }));
    objectCache.set(schema, fields);
  }
  return fields;
}
