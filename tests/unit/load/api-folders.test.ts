import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getArea, getCrossApiRefusal, isInside } from '../../../src/load/api-folders.ts';

const specs = path.resolve('/repo/specs');
const at = (file: string) => path.join(specs, file);
const refusal = (from: string, to: string, ref = to) => getCrossApiRefusal(specs, at(from), at(to), ref);

describe('isInside', () => {
  it('needs a path separator after the folder: specs/api does not hold specs/api-secrets', () => {
    expect(isInside(at('api'), at('api/x.yaml'))).toBe(true);
    expect(isInside(at('api'), at('api-secrets/x.yaml'))).toBe(false);
  });
});

describe('getArea', () => {
  it('gives a file in a folder that folder, a file directly in specs/ itself, and _shared/ its own kind', () => {
    expect(getArea(specs, at('payments/schemas/Order.yaml'))).toEqual({ kind: 'api-folder', folder: at('payments') });
    expect(getArea(specs, at('billing.yaml'))).toEqual({ kind: 'single-file', file: at('billing.yaml') });
    expect(getArea(specs, at('_shared/errors.yaml'))).toEqual({ kind: 'shared', folder: at('_shared') });
    expect(getArea(specs, path.resolve('/repo/other.yaml'))).toEqual({ kind: 'outside' });
  });
});

describe('getCrossApiRefusal', () => {
  it('lets an API reference its own folder and the shared folder', () => {
    expect(refusal('payments/openapi.yaml', 'payments/schemas/Order.yaml')).toBeUndefined();
    expect(refusal('payments/schemas/Order.yaml', 'payments/openapi.yaml')).toBeUndefined();
    expect(refusal('payments/openapi.yaml', '_shared/errors.yaml')).toBeUndefined();
    expect(refusal('billing.yaml', 'billing.yaml')).toBeUndefined();
    expect(refusal('billing.yaml', '_shared/errors.yaml')).toBeUndefined();
    expect(refusal('_shared/errors.yaml', '_shared/problem.yaml')).toBeUndefined();
  });

  it("refuses a sibling API's folder, naming the ref, the file it resolved to and the fix", () => {
    expect(refusal('a/openapi.yaml', 'b/secret.yaml', '../b/secret.yaml')).toBe(
      "'../b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); refs may only point at files in this API's folder (a/) or in the shared folder (_shared/). Move the file into a/ or into _shared/.",
    );
  });

  it('refuses a folder that only shares a prefix with the API folder', () => {
    expect(refusal('api/openapi.yaml', 'api-secrets/x.yaml', '../api-secrets/x.yaml')).toBe(
      "'../api-secrets/x.yaml' resolves to api-secrets/x.yaml, in another API's folder (api-secrets/); refs may only point at files in this API's folder (api/) or in the shared folder (_shared/). Move the file into api/ or into _shared/.",
    );
  });

  it('refuses a single-file API reading into any folder or another file in specs/', () => {
    expect(refusal('billing.yaml', 'payments/schemas/Order.yaml', './payments/schemas/Order.yaml')).toBe(
      "'./payments/schemas/Order.yaml' resolves to payments/schemas/Order.yaml, in another API's folder (payments/); a single-file API's refs may only point at the file itself or at files in the shared folder (_shared/). Move the file into _shared/, or make this API a folder (specs/<api>/openapi.yaml) and keep its files there.",
    );
    expect(refusal('billing.yaml', 'orders.yaml', './orders.yaml')).toBe(
      "'./orders.yaml' resolves to orders.yaml, directly in the specs folder, where each file is an API of its own; a single-file API's refs may only point at the file itself or at files in the shared folder (_shared/). Move the file into _shared/, or make this API a folder (specs/<api>/openapi.yaml) and keep its files there.",
    );
  });

  it('keeps the shared folder self-contained, since every API pulls it in', () => {
    expect(refusal('_shared/errors.yaml', 'payments/secret.yaml', '../payments/secret.yaml')).toBe(
      "'../payments/secret.yaml' resolves to payments/secret.yaml, in another API's folder (payments/); refs in the shared folder (_shared/) may only point at other files in it. Move the file into _shared/: every API pulls shared files in, so they may only reference each other.",
    );
  });

  it('refuses anything outside the specs folder', () => {
    expect(getCrossApiRefusal(specs, at('a/openapi.yaml'), path.resolve('/etc/passwd.yaml'), '../../../etc/passwd.yaml')).toBe(
      "'../../../etc/passwd.yaml' leads outside the specs folder; refs may only point at files in this API's folder (a/) or in the shared folder (_shared/).",
    );
  });
});
