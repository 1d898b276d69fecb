import { describe, expect, test } from 'vitest';
import { readMarkdown } from './markdown-reader.js';

describe('readMarkdown', () => {
  test('front matter is left out; code blocks are kept as written; inline code is text', () => {
    const page =
      '---\nsidebar_position: 2\n---\n\n# Errors\n\n```json\n{"code": 1}\n```\n\n### `4040`\nNot **found**.\n';
    expect(readMarkdown(page)).toEqual([
      { kind: 'heading', level: 1, text: 'Errors' },
      { kind: 'code', text: '{"code": 1}\n' },
      { kind: 'heading', level: 3, text: '4040' },
      { kind: 'paragraph', text: 'Not found.' },
    ]);
  });

  test('tables keep header and rows; nested lists flatten into their list', () => {
    const page = '| Code | Retryable |\n|---|---|\n| `CONFLICT` | Yes |\n\n1. **Check:**\n   - the code\n';
    expect(readMarkdown(page)).toEqual([
      { kind: 'table', header: ['Code', 'Retryable'], rows: [['CONFLICT', 'Yes']] },
      { kind: 'list', items: ['Check:', 'the code'] },
    ]);
  });
});
