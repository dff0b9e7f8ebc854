import { describe, expect, it } from 'vitest';
import { checkSummaryMarkdown, parseCheckResults } from './check-summary';

/** What `lab check all --json` writes for two lessons (NaN arrives as null after JSON). */
const FIXTURE = `[
 {
  "lesson": "clip-higher",
  "claim": "Entropy | stays higher",
  "metric": "policy/entropy",
  "seeds": [1, 2],
  "values": { "symmetric": [0.61, 0.55], "DAPO": [0.53, 0.58] },
  "pairs": [{ "higher": "DAPO", "lower": "symmetric", "held": 1, "of": 2 }],
  "held": false,
  "mechanism": false
 },
 {
  "lesson": "copo",
  "claim": "COPO keeps more non-zero advantages",
  "metric": "adv/nonzero_frac",
  "seeds": [1],
  "values": { "GRPO": [0.52537], "COPO": [null] },
  "pairs": [{ "higher": "COPO", "lower": "GRPO", "held": 1, "of": 1 }],
  "held": true,
  "mechanism": true
 }
]`;

describe('check summary', () => {
  it('writes one Markdown row per lesson with every run’s numbers, the result and the mechanism flag', () => {
    const md = checkSummaryMarkdown(parseCheckResults(JSON.parse(FIXTURE)));
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe('| lesson | claim | metric (seeds) | measured per run, one value per seed | result | mechanism |');
    expect(lines[2]).toBe(
      '| clip-higher | Entropy \\| stays higher | policy/entropy (1, 2) | symmetric: 0.6100, 0.5500<br>DAPO: 0.5300, 0.5800 | not held<br>DAPO > symmetric: 1/2 | no |',
    );
    expect(lines[3]).toBe('| copo | COPO keeps more non-zero advantages | adv/nonzero_frac (1) | GRPO: 0.5254<br>COPO: – | held<br>COPO > GRPO: 1/1 | yes |');
    expect(lines.at(-1)).toBe('2 lessons: 1 claims held; 1 mechanisms, 0 of them failed.');
  });

  it('flags a mechanism that did not hold', () => {
    const [r] = parseCheckResults(JSON.parse(FIXTURE));
    const md = checkSummaryMarkdown([{ ...r, mechanism: true }]);
    expect(md).toContain('| yes, **failed** |');
    expect(md).toContain('1 mechanisms, 1 of them failed.');
  });

  it('rejects JSON that is not a list of check results', () => {
    expect(() => parseCheckResults({ lesson: 'x' })).toThrow(/array/);
    expect(() => parseCheckResults([{ lesson: 'x' }])).toThrow(/entry 0/);
  });
});
