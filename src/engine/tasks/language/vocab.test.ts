import { describe, expect, it } from 'vitest';
import { BOS, EOS, PAD, SEP, VOCAB, VOCAB_SIZE, completionText, decode, encode, tokenLabel } from './vocab';

describe('language vocabulary', () => {
  it('puts the special tokens first, <pad> at 0, and has no duplicate entries', () => {
    expect([PAD, BOS, EOS, SEP]).toEqual([0, 1, 2, 3]);
    expect(VOCAB.slice(0, 4)).toEqual(['<pad>', '<bos>', '<eos>', '<sep>']);
    expect(new Set(VOCAB).size).toBe(VOCAB_SIZE);
    expect(VOCAB_SIZE).toBe(51); // 4 special + 10 digits + 26 letters + 10 symbols + space
  });

  it('round-trips every character it knows', () => {
    const text = '0123456789abcdefghijklmnopqrstuvwxyz+-*=(),?#> ';
    expect(decode(encode(text))).toBe(text);
    expect(encode('a1+')).toEqual([VOCAB.indexOf('a'), VOCAB.indexOf('1'), VOCAB.indexOf('+')]);
  });

  it('throws a clear error for an unknown character', () => {
    expect(() => encode('abC')).toThrow(/"C" \(U\+0043\) at position 2/);
    expect(() => encode('<eos>')).toThrow(/not in the language-task vocabulary/);
  });

  it('decodes up to the first <eos>, skipping <pad>, <bos> and <sep>', () => {
    expect(decode([BOS, ...encode('12?'), SEP, ...encode('21'), EOS, ...encode('9'), PAD])).toBe('12?21');
    expect(decode([PAD, PAD])).toBe('');
    expect(() => decode([VOCAB_SIZE])).toThrow(/outside the vocabulary/);
    expect(tokenLabel(SEP)).toBe('<sep>');
  });

  it('reads a completion strictly: <eos> required, no special token before it', () => {
    expect(completionText([...encode('85'), EOS, PAD, PAD])).toBe('85');
    expect(completionText([EOS])).toBe('');
    expect(completionText(encode('85'))).toBeNull(); // cut off by the length limit
    expect(completionText([...encode('8'), SEP, ...encode('5'), EOS])).toBeNull();
    expect(completionText([BOS, ...encode('85'), EOS])).toBeNull();
    expect(completionText([PAD, EOS])).toBeNull();
    expect(completionText([99, EOS])).toBeNull();
  });
});
