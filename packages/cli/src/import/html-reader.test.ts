import { describe, expect, test } from 'vitest';
import { readHtml } from './html-reader.js';

describe('readHtml', () => {
  test('headings, definition lists, loose text, nested lists and tables; pre as code; scripts left out', () => {
    const page = `<html><head><title>x</title><script>var a = '<h1>no</h1>';</script></head><body>
      <nav>Home</nav><h1>Errors</h1><h2 id="request">Request Errors (4000-4999)\u200B<a href="#request">#</a></h2>
      <dl><dt>4040</dt><dd>Not <code>found</code>.</dd></dl>
      <div>Loose text<ul><li>a<ul><li>b</li></ul></li></ul></div><pre>{"code": 1}</pre>
      <table><thead><tr><th>Code</th><th>Description</th></tr></thead><tbody><tr><td>E1</td><td>x</td></tr></tbody></table>
      </body></html>`;
    expect(readHtml(page)).toEqual([
      { kind: 'heading', level: 1, text: 'Errors' },
      { kind: 'heading', level: 2, text: 'Request Errors (4000-4999)' },
      { kind: 'heading', level: 7, text: '4040' },
      { kind: 'paragraph', text: 'Not found.' },
      { kind: 'paragraph', text: 'Loose text' },
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'code', text: '{"code": 1}' },
      { kind: 'table', header: ['Code', 'Description'], rows: [['E1', 'x']] },
    ]);
  });
});
