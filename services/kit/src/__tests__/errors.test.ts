import { status } from '@grpc/grpc-js';
import { GraphQLError } from 'graphql';
import { DomainError, ERROR_CODE_METADATA, ERROR_CODES, formatGraphQLError, fromGrpcError, toGrpcError } from '../errors';

describe('formatGraphQLError', () => {
  const logged: unknown[] = [];
  const format = formatGraphQLError((error) => logged.push(error));

  it('keeps a domain error’s code, message and details', () => {
    const error = new GraphQLError('x', {
      path: ['registerMember'],
      originalError: new DomainError('CONFLICT', 'this phone is already registered', { field: 'phone' }),
    });
    expect(format({ message: 'x', path: ['registerMember'] }, error)).toEqual({
      message: 'this phone is already registered',
      path: ['registerMember'],
      extensions: { code: 'CONFLICT', field: 'phone' },
    });
  });

  it('masks anything unexpected as INTERNAL_SERVER_ERROR and logs it', () => {
    const cause = new Error('SQLITE_BUSY at /srv/db.ts:12');
    const error = new GraphQLError(cause.message, { originalError: cause });
    const formatted = format({ message: cause.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toContain(cause);
  });

  it('passes GraphQL’s own client-error codes through without extra extensions', () => {
    const formatted = format(
      { message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED', serviceName: 'member' } },
      new GraphQLError('Syntax Error'),
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});

describe('gRPC mapping', () => {
  it('maps each domain code to its status and back', () => {
    for (const code of Object.keys(ERROR_CODES) as Array<keyof typeof ERROR_CODES>) {
      const wire = toGrpcError(new DomainError(code, 'm'));
      expect(wire.code).toBe(ERROR_CODES[code].grpc);
      expect(wire.domainCode).toBe(code);
      const received = { ...wire, metadata: { get: (key: string) => (key === ERROR_CODE_METADATA ? [wire.domainCode] : []) } };
      if (code !== 'INTERNAL_SERVER_ERROR' && code !== 'UNAVAILABLE') expect(fromGrpcError(received)).toMatchObject({ code, message: 'm' });
    }
  });

  it('hides transport details: UNAVAILABLE and deadline errors carry no host or port', () => {
    const error = fromGrpcError({ code: status.UNAVAILABLE, details: 'connect ECONNREFUSED 10.0.0.1:50051' });
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).not.toMatch(/ECONNREFUSED|50051/);
    expect(fromGrpcError({ code: status.DEADLINE_EXCEEDED, details: 'Deadline exceeded' }).code).toBe('UNAVAILABLE');
  });

  it('answers INTERNAL without detail for unexpected errors', () => {
    expect(toGrpcError(new Error('secret'))).toEqual({
      code: status.INTERNAL,
      details: 'internal error',
      domainCode: 'INTERNAL_SERVER_ERROR',
    });
  });
});
