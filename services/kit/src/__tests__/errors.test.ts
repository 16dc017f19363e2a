import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Metadata, status } from '@grpc/grpc-js';
import { DomainError, ERROR_CODES, ERROR_CODE_METADATA, formatGraphQLError, fromGrpcError, toGrpcError, type ErrorCode } from '../errors';

const path = ['member', 'points'];

function format(error: unknown, formatted?: GraphQLFormattedError) {
  const log = jest.fn();
  const fallback: GraphQLFormattedError =
    error instanceof GraphQLError ? error.toJSON() : { message: (error as Error)?.message ?? 'x', path };
  const result = formatGraphQLError(log)(formatted ?? fallback, error);
  return { result, log };
}

describe('DomainError', () => {
  it('carries code, message and details', () => {
    const error = new DomainError('NOT_FOUND', 'no such member', { memberId: 'm1' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('no such member');
    expect(error.details).toEqual({ memberId: 'm1' });
    expect(new DomainError('CONFLICT', 'x').details).toEqual({});
  });
});

describe('formatGraphQLError', () => {
  it('keeps the code, message, path and details of a DomainError wrapped in a GraphQLError', () => {
    const domain = new DomainError('BAD_USER_INPUT', 'amount must be a CNY amount', { field: 'amount', limit: 10 });
    const wrapped = new GraphQLError(domain.message, { path, originalError: domain, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const { result, log } = format(wrapped, {
      message: 'amount must be a CNY amount',
      path,
      locations: [{ line: 1, column: 2 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: ...', '    at x.ts:1'] },
    });
    expect(result).toEqual({
      message: 'amount must be a CNY amount',
      path,
      extensions: { code: 'BAD_USER_INPUT', field: 'amount', limit: 10 },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps a domain error’s code, message and details', () => {
    const error = new GraphQLError('x', {
      path: ['registerMember'],
      originalError: new DomainError('CONFLICT', 'this phone is already registered', { field: 'phone' }),
    });
    expect(format(error, { message: 'x', path: ['registerMember'] }).result).toEqual({
      message: 'this phone is already registered',
      path: ['registerMember'],
      extensions: { code: 'CONFLICT', field: 'phone' },
    });
  });

  it('masks anything unexpected as INTERNAL_SERVER_ERROR and logs it', () => {
    const cause = new Error('SQLITE_BUSY at /srv/db.ts:12');
    const error = new GraphQLError(cause.message, { originalError: cause });
    const { result, log } = format(error, {
      message: cause.message,
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
    });
    expect(result).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalledWith(cause);
  });

  it('passes GraphQL’s own client-error codes through without extra extensions', () => {
    const { result } = format(new GraphQLError('Syntax Error'), {
      message: 'Syntax Error',
      extensions: { code: 'GRAPHQL_PARSE_FAILED', serviceName: 'member' },
    });
    expect(result.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('also formats a bare DomainError', () => {
    const { result } = format(new DomainError('RISK_DENIED', 'denied'), { message: 'denied', path });
    expect(result).toEqual({ message: 'denied', path, extensions: { code: 'RISK_DENIED' } });
  });

  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('keeps domain code %s', (code) => {
    const domain = new DomainError(code, `msg ${code}`);
    const { result } = format(new GraphQLError(domain.message, { originalError: domain }));
    expect(result.extensions?.code).toBe(code);
    expect(result.message).toBe(`msg ${code}`);
  });

  it('hides an unknown error behind INTERNAL_SERVER_ERROR and logs the original', () => {
    const boom = new Error('ER_ACCESS_DENIED for mysql://root:secret@db:3306');
    const wrapped = new GraphQLError(boom.message, { path, originalError: boom });
    const { result, log } = format(wrapped, {
      message: boom.message,
      path,
      locations: [{ line: 3, column: 5 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: ER_ACCESS_DENIED', '    at db.ts:10'], exception: { stack: 'x' } },
    });
    expect(result).toEqual({ message: 'Internal server error', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(Object.keys(result.extensions ?? {})).toEqual(['code']);
    expect(JSON.stringify(result)).not.toMatch(/secret|stack|exception|mysql/);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(boom);
  });

  it('hides a plain error that is not wrapped and logs it', () => {
    const boom = new TypeError('cannot read x of undefined');
    const { result, log } = format(boom, { message: boom.message });
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalledWith(boom);
  });

  it('logs a GraphQLError without originalError as itself', () => {
    const error = new GraphQLError('something odd');
    const { result, log } = format(error, { message: 'something odd' });
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalledWith(error);
  });

  it.each([
    'GRAPHQL_PARSE_FAILED',
    'GRAPHQL_VALIDATION_FAILED',
    'BAD_USER_INPUT',
    'BAD_REQUEST',
    'INVALID_GRAPHQL',
    'UNAUTHENTICATED',
    'NOT_FOUND',
  ])('passes through a non-domain error with safe code %s, keeping locations and path but nothing else', (code) => {
    const error = new GraphQLError('Cannot query field "x" on type "Query".');
    const { result, log } = format(error, {
      message: 'Cannot query field "x" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      path,
      extensions: { code, stacktrace: ['GraphQLError: ...'] },
    });
    expect(result).toEqual({
      message: 'Cannot query field "x" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      path,
      extensions: { code },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('does not pass through unknown extension codes', () => {
    const { result, log } = format(new GraphQLError('downstream said ECONNREFUSED 10.0.0.5:4002'), {
      message: 'downstream said ECONNREFUSED 10.0.0.5:4002',
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' },
    });
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalledTimes(1);
  });
});

describe('toGrpcError', () => {
  it.each<[ErrorCode, number]>([
    ['BAD_USER_INPUT', status.INVALID_ARGUMENT],
    ['CONFLICT', status.ALREADY_EXISTS],
    ['NOT_FOUND', status.NOT_FOUND],
    ['UNAUTHENTICATED', status.UNAUTHENTICATED],
    ['FORBIDDEN', status.PERMISSION_DENIED],
    ['RISK_DENIED', status.FAILED_PRECONDITION],
    ['INSUFFICIENT_POINTS', status.FAILED_PRECONDITION],
    ['UNAVAILABLE', status.UNAVAILABLE],
    ['INTERNAL_SERVER_ERROR', status.INTERNAL],
  ])('maps %s to gRPC status %i and keeps the message and domain code', (code, grpc) => {
    expect(toGrpcError(new DomainError(code, 'why'))).toEqual({ code: grpc, details: 'why', domainCode: code });
  });

  it('hides anything else as INTERNAL', () => {
    expect(toGrpcError(new Error('SELECT * FROM secrets'))).toEqual({
      code: status.INTERNAL,
      details: 'internal error',
      domainCode: 'INTERNAL_SERVER_ERROR',
    });
    expect(toGrpcError(new Error('secret'))).toEqual({
      code: status.INTERNAL,
      details: 'internal error',
      domainCode: 'INTERNAL_SERVER_ERROR',
    });
    expect(toGrpcError('oops')).toEqual({ code: status.INTERNAL, details: 'internal error', domainCode: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('fromGrpcError', () => {
  const withCode = (code: string) => {
    const metadata = new Metadata();
    metadata.set(ERROR_CODE_METADATA, code);
    return metadata;
  };

  it.each<[number, ErrorCode]>([
    [status.INVALID_ARGUMENT, 'BAD_USER_INPUT'],
    [status.ALREADY_EXISTS, 'CONFLICT'],
    [status.NOT_FOUND, 'NOT_FOUND'],
    [status.UNAUTHENTICATED, 'UNAUTHENTICATED'],
    [status.PERMISSION_DENIED, 'FORBIDDEN'],
  ])('maps gRPC status %i back to %s with the details as message', (grpc, code) => {
    const error = fromGrpcError({ code: grpc, details: 'the reason', message: `${grpc} X: the reason` });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.message).toBe('the reason');
  });

  it('prefers the exact domain code sent in trailing metadata', () => {
    const risk = fromGrpcError({ code: status.FAILED_PRECONDITION, details: 'risk said no', metadata: withCode('RISK_DENIED') });
    expect(risk.code).toBe('RISK_DENIED');
    expect(risk.message).toBe('risk said no');
    const points = fromGrpcError({ code: status.FAILED_PRECONDITION, details: 'too few', metadata: withCode('INSUFFICIENT_POINTS') });
    expect(points.code).toBe('INSUFFICIENT_POINTS');
  });

  it('ignores an unknown code in metadata and falls back to the status', () => {
    const error = fromGrpcError({ code: status.NOT_FOUND, details: 'gone', metadata: withCode('NOT_A_CODE') });
    expect(error.code).toBe('NOT_FOUND');
    expect(fromGrpcError({ code: status.NOT_FOUND, details: 'gone', metadata: new Metadata() }).code).toBe('NOT_FOUND');
  });

  it('uses the message when there are no details, then a generic one', () => {
    expect(fromGrpcError({ code: status.NOT_FOUND, details: '', message: '5 NOT_FOUND: gone' }).message).toBe('5 NOT_FOUND: gone');
    expect(fromGrpcError({ code: status.NOT_FOUND }).message).toBe('peer service failed');
  });

  it.each([
    ['UNAVAILABLE', { code: status.UNAVAILABLE, details: 'No connection established. Last error: connect ECONNREFUSED 10.1.2.3:50052' }],
    ['DEADLINE_EXCEEDED', { code: status.DEADLINE_EXCEEDED, details: 'Deadline exceeded after 2.001s, host 10.1.2.3' }],
    ['INTERNAL', { code: status.INTERNAL, details: 'internal error at db 10.1.2.3' }],
    ['UNKNOWN', { code: status.UNKNOWN, details: 'weird 10.1.2.3' }],
    ['no code', { details: 'weird 10.1.2.3' }],
    [
      'INTERNAL_SERVER_ERROR in metadata',
      { code: status.INVALID_ARGUMENT, details: 'leak 10.1.2.3', metadata: withCode('INTERNAL_SERVER_ERROR') },
    ],
  ])('turns %s into a generic UNAVAILABLE without transport details', (_label, grpcError) => {
    const error = fromGrpcError(grpcError);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('a service this request depends on is unavailable; retry later');
    expect(error.message).not.toMatch(/10\.1\.2\.3/);
  });

  it('maps each domain code to its registered status and back', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
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

  it('round-trips every domain code through toGrpcError and metadata', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const sent = toGrpcError(new DomainError(code, 'because'));
      const back = fromGrpcError({ code: sent.code, details: sent.details, metadata: withCode(sent.domainCode) });
      if (code === 'UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR') {
        expect(back.code).toBe('UNAVAILABLE');
      } else {
        expect(back.code).toBe(code);
        expect(back.message).toBe('because');
      }
    }
  });
});
