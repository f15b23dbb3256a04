import fc from 'fast-check';

/** The part of JSON Schema that `z.toJSONSchema` writes for our inputs (contract/openapi.ts). */
export interface JsonSchema {
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
}

/** A value shaped like the schema asks (often valid, sometimes not: the fuzz does not care). */
export function shapedLike(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => shapedLike(a, depth + 1)));
  switch (s.type) {
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (depth > 6 || props.length === 0) return fc.constant({});
      const required = new Set(s.required ?? []);
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, shapedLike(v, depth + 1)])), { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
    }
    case 'array':
      return s.items && depth <= 6 ? fc.array(shapedLike(s.items, depth + 1), { maxLength: 3 }) : fc.constant([]);
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      return fc.string({ maxLength: 20 });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 10_000, 10_000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values no field of ours accepts, or accepts only to choke on later: what an attacker tries. */
export const poison: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'a\u0000b', '\u0000', 'Nguy\u0000ễn', '\uD800', 'x\uDC00y', '\u001b[31m', '\u0085', '\u007f',
    '"', "'", '*', 'NEAR(', 'a" OR "b', '%', '%ZZ', '../../etc/passwd', '\\\\server\\share', '', ' ', 'x'.repeat(70_000),
    -1, 0, -0, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 0.5, '0000-01-01T00:00:00Z', '9999-12-31', '2026-02-30',
    null, true, false, {}, [], [[[[[[]]]]]], JSON.parse('{"__proto__":{"admin":true}}'), { constructor: { prototype: {} } },
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path to a value inside `v` (objects and arrays), the root included as []. */
export function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((c, i) => out.push(...paths(c, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) out.push(...paths(c, [...at, k]));
  return out;
}

export function replaceAt(v: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((c, i) => (i === head ? replaceAt(c, rest, value) : c));
  const o = v as Record<string, unknown>;
  return { ...o, [head!]: replaceAt(o[head!], rest, value) };
}

/** A body shaped like the schema with one place poisoned (or an extra field, or a whole odd body). */
export function invalidBody(s: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.tuple(shapedLike(s), poison, fc.nat()).map(([body, bad, pick]) => {
      const all = paths(body);
      return replaceAt(body, all[pick % all.length]!, bad);
    }),
    fc.tuple(shapedLike(s), fc.constantFrom('extra', '\u0000', '__proto__', 'constructor'), poison).map(([body, k, bad]) =>
      body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, [k]: bad } : body,
    ),
    poison,
  );
}
