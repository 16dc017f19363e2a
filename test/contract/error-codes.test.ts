import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_CODES, isRegisteredCode } from '../../services/kit/src/errors';

const ROOT = join(__dirname, '..', '..');

/** Every production source file that can answer a client: the gateway and the services (kit included). */
function sources(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__' && entry.name !== '__generated__' && entry.name !== 'node_modules') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        files.push(path);
      }
    }
  };
  walk(join(ROOT, 'gateway', 'src'));
  for (const service of readdirSync(join(ROOT, 'services'))) walk(join(ROOT, 'services', service, 'src'));
  return files;
}

/**
 * The code literals a file answers with, as `code @ file` pairs. Codes kept in tables rather than
 * passed as literals (kit/http.ts's client errors, the gateway's Apollo codes) are typed ErrorCode,
 * so the compiler checks those.
 */
function answeredCodes(file: string): Array<{ code: string; where: string }> {
  const text = readFileSync(file, 'utf8');
  const where = relative(ROOT, file);
  const found: string[] = [];
  // `extensions: { code: 'X' … }` on a GraphQLError or a JSON answer.
  for (const m of text.matchAll(/extensions:\s*\{[^}]*?\bcode:\s*'([^']+)'/g)) found.push(m[1]);
  // `new DomainError('X', …)`, also `new DomainError(cond ? 'X' : 'Y', …)` (the branches, not the condition).
  for (const m of text.matchAll(/new DomainError\(\s*([^,]+),/g)) {
    for (const literal of m[1].matchAll(/(?:^|[?:])\s*'([^']+)'/g)) found.push(literal[1]);
  }
  // `new HttpError(status, message, 'X')`: each one must end in a literal code, so none is missed.
  const httpErrors = text.match(/new HttpError\(/g)?.length ?? 0;
  const httpCodes = [...text.matchAll(/new HttpError\([\s\S]*?,\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
  if (httpCodes.length !== httpErrors) throw new Error(`${where}: an HttpError whose code is not a literal; make it one`);
  found.push(...httpCodes);
  // `graphQLError(message, 'X')`: the HTTP front's own JSON answers (kit/http.ts).
  for (const m of text.matchAll(/graphQLError\([^;]*?,\s*'([^']+)'\)/g)) found.push(m[1]);
  return found.map((code) => ({ code, where }));
}

describe('the error-code registry (services/kit/src/errors.ts)', () => {
  it('describes every code', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect({ code, description: entry.description.length > 20 }).toEqual({ code, description: true });
    }
  });

  it('holds every code the sources answer with (error constructors and JSON answers)', () => {
    const answered = sources().flatMap(answeredCodes);
    // The scan must see the codes of every layer, or it proves nothing.
    for (const known of [
      'PAYLOAD_TOO_LARGE', // the body reader (kit/http.ts)
      'METHOD_NOT_ALLOWED', // the HTTP front's own answers (kit/http.ts)
      'OPERATION_RESOLUTION_FAILURE', // gateway/operationGuard.ts
      'BAD_REQUEST', // the JSON parser (kit/http.ts)
      'UNAUTHENTICATED', // gateway/auth.ts, kit/subgraph.ts
      'TOO_MANY_REQUESTS', // gateway/rateLimit.ts
      'OPERATION_NOT_ALLOWED', // gateway/trustedDocuments.ts
      'UNAVAILABLE', // gateway/subgraph-fetch.ts
      'INTERNAL_SERVER_ERROR', // kit/errors.ts, kit/http.ts
      'BAD_USER_INPUT',
      'CONFLICT',
      'NOT_FOUND',
      'FORBIDDEN',
    ]) {
      expect(answered.map((a) => a.code)).toContain(known);
    }
    expect(answered.filter((a) => !isRegisteredCode(a.code))).toEqual([]);
  });

  it('tells registered codes from others', () => {
    expect(isRegisteredCode('BAD_USER_INPUT')).toBe(true);
    expect(isRegisteredCode('PAYLOAD_TOO_LARGE')).toBe(true);
    expect(isRegisteredCode('DOWNSTREAM_SERVICE_ERROR')).toBe(false);
    expect(isRegisteredCode('toString')).toBe(false);
    expect(isRegisteredCode(undefined)).toBe(false);
  });
});
