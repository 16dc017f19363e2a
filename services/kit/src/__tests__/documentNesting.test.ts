import { parse } from 'graphql';
import { exceedsNesting } from '../documentNesting';

describe('exceedsNesting', () => {
  it('counts braces, brackets and parentheses together', () => {
    expect(exceedsNesting('{ a(b: [[1]]) { c } }', 4)).toBe(false);
    expect(exceedsNesting('{ a(b: [[1]]) { c } }', 3)).toBe(true);
    expect(exceedsNesting('{ a { b { c { d } } } }', 4)).toBe(false);
    expect(exceedsNesting('{ a { b { c { d { e } } } } }', 4)).toBe(true);
  });

  it('skips strings, block strings with escaped quotes, and comments', () => {
    expect(exceedsNesting(`{ a(s: "${'{'.repeat(100)}\\"[[[") }`, 3)).toBe(false);
    expect(exceedsNesting(`{ a(s: """ \\""" ${'['.repeat(100)} """) }`, 3)).toBe(false);
    expect(exceedsNesting(`# ${'('.repeat(100)}\n{ a }`, 3)).toBe(false);
    expect(exceedsNesting(`{ a(s: "x") { b(t: "y") { c } } } ${'['.repeat(10)}`, 5)).toBe(true);
  });

  it('stops a document that would overflow graphql-js parse before it is parsed', () => {
    const deep = `{ a(b: ${'['.repeat(20_000)}${']'.repeat(20_000)}) }`;
    expect(() => parse(deep)).toThrow(RangeError);
    expect(exceedsNesting(deep, 64)).toBe(true);
  });

  it('lets every document within the bound through', () => {
    const within = `{ a(b: ${'['.repeat(60)}1${']'.repeat(60)}) }`;
    expect(exceedsNesting(within, 64)).toBe(false);
    expect(() => parse(within)).not.toThrow();
  });
});
