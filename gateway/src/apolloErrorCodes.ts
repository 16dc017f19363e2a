import type { GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../../services/kit/src';

/**
 * Apollo Server refuses some requests with a GraphQLError that has no code of its own, which the
 * kit's formatter would mask as INTERNAL_SERVER_ERROR although the client is at fault. Their messages are
 * fixed strings in the pinned version (a test sends both), so they are given their codes here.
 */
const UNCODED_APOLLO_ERRORS: Record<string, ErrorCode> = {
  'provided sha does not match query': 'PERSISTED_QUERY_HASH_MISMATCH',
  'Unsupported persisted query version': 'BAD_REQUEST',
};

type Format = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Wraps a formatError so Apollo's uncoded request errors arrive with their own code. */
export function withApolloErrorCodes(format: Format): Format {
  return (formatted, error) => {
    // Apollo fills a missing code with INTERNAL_SERVER_ERROR before formatError sees it.
    const given = formatted.extensions?.code;
    const code = given === undefined || given === 'INTERNAL_SERVER_ERROR' ? UNCODED_APOLLO_ERRORS[formatted.message] : undefined;
    return format(code ? { ...formatted, extensions: { ...formatted.extensions, code } } : formatted, error);
  };
}
