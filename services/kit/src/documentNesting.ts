/**
 * The deepest nesting of `{`, `[` and `(` in a GraphQL document, read before it is parsed:
 * graphql-js parses nested values and selections recursively, so a document a few thousand levels
 * deep overflows the stack inside `parse` (and its "Maximum call stack size exceeded" would reach
 * the client). `maxTokens` does not bound this; nesting needs its own bound. Strings, block strings
 * and comments are skipped, so brackets inside them do not count. Stops reading past `limit`.
 */
export function exceedsNesting(source: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      depth -= 1;
    } else if (c === 0x23) {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (c === 0x22) {
      i = source.startsWith('"""', i) ? skipBlockString(source, i + 3) : skipString(source, i + 1);
    }
  }
  return false;
}

/** Index of the closing quote of a string that opens before `from` (or the end). */
function skipString(source: string, from: number): number {
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === '"' || source[i] === '\n') return i;
  }
  return source.length;
}

/** Index of the last quote of a block string that opens before `from` (`\"""` does not close it). */
function skipBlockString(source: string, from: number): number {
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === '\\' && source.startsWith('"""', i + 1)) i += 3;
    else if (source.startsWith('"""', i)) return i + 2;
  }
  return source.length;
}
