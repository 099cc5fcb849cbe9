import { describe, expect, it } from 'vitest';
import { parseDemoLine } from '../../bots/local/demo.js';

describe('demo input', () => {
  it('reads speaker switches, replies and reactions', () => {
    expect(parseDemoLine('@sam /visite demain 14h', 'alex')).toEqual({ kind: 'say', member: 'sam', text: '/visite demain 14h' });
    expect(parseDemoLine('@Alex >4 je prends', 'sam')).toEqual({ kind: 'reply', member: 'alex', to: 4, text: 'je prends' });
    expect(parseDemoLine('+8', 'noor')).toEqual({ kind: 'react', member: 'noor', to: 8 });
    expect(parseDemoLine('@noor', 'sam')).toEqual({ kind: 'switch', member: 'noor' });
    expect(parseDemoLine('@bob hi', 'sam')).toEqual({ kind: 'unknown-member' });
    expect(parseDemoLine('>x', 'sam')).toEqual({ kind: 'bad-reply' });
    expect(parseDemoLine('', 'sam')).toEqual({ kind: 'empty' });
  });
});
