import { describe, expect, it } from 'vitest';
import { calcTool } from '../../../tasks/language/calc.task';
import { EOS, encode } from '../../../tasks/language/vocab';
import { parseTurns, turnKind } from './turns';

/** A transcript from model/tool segments: tool segments are forced. */
function transcript(...parts: { model?: string; tool?: string; eos?: true }[]) {
  const tokens: number[] = [];
  const forced: number[] = [];
  for (const p of parts) {
    const ids = p.model !== undefined ? encode(p.model) : p.tool !== undefined ? encode(p.tool) : [];
    tokens.push(...ids);
    forced.push(...ids.map(() => (p.tool !== undefined ? 1 : 0)));
    if (p.eos) {
      tokens.push(EOS);
      forced.push(0);
    }
  }
  return { tokens, forced, length: tokens.length };
}

describe('turn parser (SimpleTIR: a turn calls, answers, or is void)', () => {
  it('#23*41= | 943 | >950<eos>: a call turn, then an answer turn', () => {
    const t = transcript({ model: '#23*41=' }, { tool: '943' }, { model: '>950', eos: true });
    expect(parseTurns(t.tokens, t.length, t.forced, calcTool)).toEqual([
      { start: 0, end: 7, kind: 'call' },
      { start: 10, end: 15, kind: 'answer' },
    ]);
  });

  it('#23*41= | 943 | 950<eos>: the second turn neither calls nor answers, so it is void', () => {
    const t = transcript({ model: '#23*41=' }, { tool: '943' }, { model: '950', eos: true });
    expect(parseTurns(t.tokens, t.length, t.forced, calcTool).map((u) => u.kind)).toEqual(['call', 'void']);
  });

  it('a single turn: an answer, a bare <eos>, a run out of room, a "=" without "#"', () => {
    expect(turnKind([...encode('>950'), EOS], calcTool)).toBe('answer');
    expect(turnKind([EOS], calcTool)).toBe('void');
    expect(turnKind(encode('9509509'), calcTool)).toBe('void'); // cut off by the length limit
    expect(turnKind(encode('23*41='), calcTool)).toBe('void'); // no "#": not a call
    expect(turnKind(encode('>95#3='), calcTool)).toBe('call'); // ends in a call: the tool answers it
    expect(turnKind(encode('>95='), calcTool)).toBe('answer');
  });

  it('without forced steps the whole completion is one turn; an empty one has none', () => {
    const t = transcript({ model: '>950', eos: true });
    expect(parseTurns(t.tokens, t.length, undefined, calcTool)).toEqual([{ start: 0, end: 5, kind: 'answer' }]);
    expect(parseTurns([], 0, undefined, calcTool)).toEqual([]);
  });
});
