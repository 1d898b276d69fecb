import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTemplate, messageTemplate } from './responses-template.js';

describe('messageTemplate', () => {
  it('names a varying part after the details field that holds it, keeping quotes and periods out', () => {
    expect(
      messageTemplate([
        { message: "Instance 'order-1' not found.", details: { instance_id: 'order-1', region: 'eu' } },
        { message: "Instance 'b-22' not found.", details: { instance_id: 'b-22', region: 'eu' } },
        { message: "Instance 'b-22' not found.", details: { instance_id: 'b-22', region: 'us' } },
      ]),
    ).toEqual({
      template: "Instance '{instance_id}' not found.",
      unnamed: [],
      values: { instance_id: 'order-1' },
    });
  });

  it('numbers the parts no field explains, and a run of several words is one part', () => {
    expect(
      messageTemplate([
        { message: 'Rate limit of 10 per minute exceeded for key abc', details: {} },
        { message: 'Rate limit of 500 per hour exceeded for key de f', details: {} },
      ]),
    ).toEqual({
      template: 'Rate limit of {value} per {value2} exceeded for key {value3}',
      unnamed: ['value', 'value2', 'value3'],
      values: { value: '10', value2: 'minute', value3: 'abc' },
    });
  });

  it('keeps one message as it is, escaping template characters', () => {
    expect(messageTemplate([{ message: 'Cannot find [GET] {x}', details: {} }])).toEqual({
      template: 'Cannot find [[GET]] {{x}}',
      unnamed: [],
      values: {},
    });
    expect(escapeTemplate('a]b')).toBe('a]]b');
  });

  it('is undefined for messages that share no word, and for none', () => {
    expect(
      messageTemplate([
        { message: 'Slow down', details: {} },
        { message: 'Too many', details: {} },
      ]),
    ).toBeUndefined();
    expect(messageTemplate([])).toBeUndefined();
  });

  it('never throws, and a single message always comes back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 8 }), (messages) => {
        const built = messageTemplate(messages.map((message) => ({ message, details: { value: message } })));
        if (new Set(messages).size === 1) expect(built?.template).toBe(escapeTemplate(messages[0] as string));
      }),
    );
  });
});
