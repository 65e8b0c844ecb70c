import { describe, expect, it } from 'vitest';
import { collectRecordStrings, toPlainText } from '../../../src/site/record-text.ts';

describe('toPlainText', () => {
  it('reduces rendered Markdown to its words and the attribute values a spec wrote, entities decoded', () => {
    const text = toPlainText('<p>See <a href="https://docs.test/pay" title="Pay docs" rel="noopener">the <strong>pay</strong> docs</a> &amp; <code>payGrade</code>.</p>');
    expect(text.split(/\s+/).filter(Boolean)).toEqual(['See', 'https://docs.test/pay', 'Pay', 'docs', 'the', 'pay', 'docs', '&', 'payGrade', '.']);
  });

  it('keeps a fenced block\'s language, but not the `language-` prefix the renderer puts before it', () => {
    const text = toPlainText('<pre><code class="language-json">{ "step": 1 }</code></pre>');
    expect(text.split(/\s+/).filter(Boolean)).toEqual(['json', '{', '"step":', '1', '}']);
  });

  it('leaves angle brackets that are not the sanitizer\'s markup alone', () => {
    expect(toPlainText('array<PayrollRecord>')).toBe('array<PayrollRecord>');
    expect(toPlainText('Send `Authorization: Bearer <token>`')).toBe('Send `Authorization: Bearer <token>`');
  });
});

describe('collectRecordStrings', () => {
  it('lists the string values of a page record, not its field names', () => {
    expect(collectRecordStrings({ title: 'Payroll', sidebar: [{ label: 'Overview', link: '/apis/payroll/' }], count: 3 })).toEqual(['Payroll', 'Overview', '/apis/payroll/']);
  });

  it('leaves out the word a summary was cut in', () => {
    expect(collectRecordStrings({ description: 'Moves messages to queues that are config…' })).toEqual(['Moves messages to queues that are …']);
  });
});
