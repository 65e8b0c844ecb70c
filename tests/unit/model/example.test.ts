import { describe, expect, it } from 'vitest';
import { getExampleValue } from '../../../src/model/example.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const document: JsonObject = {
  components: {
    schemas: {
      Note: { type: 'object', properties: { id: { type: 'string', readOnly: true }, text: { type: 'string' }, pinned: { type: 'boolean' } } },
      Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: ref('Node') } } },
      A: ref('A'),
    },
  },
};

describe('getExampleValue', () => {
  it('prefers an explicit example over everything else', () => {
    expect(getExampleValue({ type: 'string', example: 'EUR', default: 'USD', enum: ['GBP'] }, document)).toBe('EUR');
  });

  it('falls back to 3.1 examples, then default, const and the first enum value', () => {
    expect(getExampleValue({ type: 'string', examples: ['EUR'], default: 'USD' }, document)).toBe('EUR');
    expect(getExampleValue({ type: 'string', default: 'USD', enum: ['GBP'] }, document)).toBe('USD');
    expect(getExampleValue({ const: 7 }, document)).toBe(7);
    expect(getExampleValue({ type: 'string', enum: ['GBP', 'EUR'] }, document)).toBe('GBP');
  });

  it('builds a small value from the type', () => {
    expect(getExampleValue({ type: 'integer' }, document)).toBe(0);
    expect(getExampleValue({ type: 'number', minimum: 5 }, document)).toBe(5);
    expect(getExampleValue({ type: 'boolean' }, document)).toBe(true);
    expect(getExampleValue({ type: 'string' }, document)).toBe('string');
    expect(getExampleValue({ type: ['null', 'string'] }, document)).toBe('string');
    expect(getExampleValue({}, document)).toBeNull();
    expect(getExampleValue(undefined, document)).toBeNull();
  });

  it('uses a realistic sample for well-known string formats', () => {
    expect(getExampleValue({ type: 'string', format: 'date-time' }, document)).toBe('2026-01-31T09:30:00Z');
    expect(getExampleValue({ type: 'string', format: 'email' }, document)).toBe('user@example.com');
    expect(getExampleValue({ type: 'string', format: 'uuid' }, document)).toBe('3fa85f64-5717-4562-b3fc-2c963f66afa6');
  });

  it('falls back to "string" for a format it does not know', () => {
    expect(getExampleValue({ type: 'string', format: 'iban' }, document)).toBe('string');
  });

  it('falls back to "string" for a format named like an Object.prototype member', () => {
    expect(getExampleValue({ type: 'string', format: 'constructor' }, document)).toBe('string');
  });

  it('follows $ref and leaves read-only properties out of request examples', () => {
    expect(getExampleValue(ref('Note'), document)).toEqual({ text: 'string', pinned: true });
  });

  it('builds one item for arrays', () => {
    expect(getExampleValue({ type: 'array', items: { type: 'integer' } }, document)).toEqual([0]);
  });

  it('merges allOf parts and picks the first oneOf or anyOf choice', () => {
    expect(getExampleValue({ allOf: [ref('Note'), { type: 'object', properties: { color: { type: 'string', enum: ['red'] } } }] }, document)).toEqual({
      text: 'string',
      pinned: true,
      color: 'red',
    });
    expect(getExampleValue({ oneOf: [{ type: 'string', format: 'email' }, { type: 'integer' }] }, document)).toBe('user@example.com');
    expect(getExampleValue({ anyOf: [{ type: 'integer' }] }, document)).toBe(0);
  });

  it('stops at a recursive schema instead of looping', () => {
    expect(getExampleValue(ref('Node'), document)).toEqual({ name: 'string', children: [null] });
  });

  it('gives null for a schema that is a reference to itself', () => {
    expect(getExampleValue(ref('A'), document)).toBeNull();
  });

  it('gives null for a reference that points nowhere', () => {
    expect(getExampleValue(ref('Missing'), document)).toBeNull();
  });
});
