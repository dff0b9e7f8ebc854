import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../engine/registry/registry';
import type { ModuleDef } from '../../engine/registry/module';
import { objectFields, type FieldSpec } from './field-spec';

const ALL = Object.values(REGISTRY).flat() as ModuleDef<any, any>[];

function unsupported(fields: { name: string; spec: FieldSpec }[], at = ''): string[] {
  return fields.flatMap(({ name, spec }) =>
    spec.kind === 'unsupported' ? [at + name] : spec.kind === 'object' ? unsupported(spec.fields, `${at}${name}.`) : [],
  );
}

describe('the editor draws every module of the registry', () => {
  it('every parameter has a description, a default, and a control the editor can draw', () => {
    for (const d of ALL) {
      expect(() => d.schema.parse({}), `${d.id}: defaults`).not.toThrow();
      const fields = objectFields(d.schema);
      expect(unsupported(fields), `${d.id}: parameters the editor cannot draw`).toEqual([]);
      for (const f of fields) expect(f.spec.help, `${d.id}.${f.name} has no description`).toBeTruthy();
    }
  });
});
