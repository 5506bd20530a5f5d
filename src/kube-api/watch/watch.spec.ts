import { listOf, parseListOptions } from './list.js';
import { bookmarkLine, expiredLine, parseWatchLines, watchLine } from './watch-event.js';

describe('watch framing', () => {
  it.each([
    [watchLine('ADDED', { kind: 'Pod' }), '{"type":"ADDED","object":{"kind":"Pod"}}\n'],
    [bookmarkLine('Pod', 'v1', '12'), '{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"12"}}}\n'],
    [
      bookmarkLine('Pod', 'v1', '12', true),
      '{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"12","annotations":{"k8s.io/initial-events-end":"true"}}}}\n',
    ],
  ])('frames %s', (line, expected) => {
    expect(line).toBe(expected);
  });

  it('sends a 410 Expired Status as an ERROR event', () => {
    expect(JSON.parse(expiredLine(3, 50))).toEqual({
      type: 'ERROR',
      object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version: 3 (50)', reason: 'Expired', code: 410 },
    });
  });

  it('reads lines back across chunk boundaries', () => {
    const stream = watchLine('ADDED', { a: 1 }) + watchLine('DELETED', { a: 2 });
    const first = parseWatchLines(stream.slice(0, 30));
    const second = parseWatchLines(first.rest + stream.slice(30));
    expect([...first.events, ...second.events].map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
    expect(second.rest).toBe('');
  });
});

describe('lists and their options', () => {
  it('wraps items in a <Kind>List with a string resourceVersion', () => {
    expect(listOf('Pod', 'v1', [], 104)).toEqual({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '104' }, items: [] });
  });

  it.each([
    ['limit=500', { watch: false, allowWatchBookmarks: false, sendInitialEvents: false, includeObject: 'Metadata' }],
    [
      'watch=true&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dx&resourceVersion=7&timeoutSeconds=300',
      { watch: true, allowWatchBookmarks: true, fieldSelector: 'metadata.name=x', resourceVersion: '7', timeoutSeconds: 300 },
    ],
    ['labelSelector=app%3Dweb&includeObject=Object&watch=1', { watch: true, labelSelector: 'app=web', includeObject: 'Object' }],
  ])('reads %s', (query, expected) => {
    expect(parseListOptions(new URLSearchParams(query))).toMatchObject(expected);
  });

  it('treats an empty resourceVersion as unset, and keeps resourceVersion=0', () => {
    expect(parseListOptions(new URLSearchParams('resourceVersion=&fieldSelector='))).not.toHaveProperty('resourceVersion');
    expect(parseListOptions(new URLSearchParams('resourceVersion=0')).resourceVersion).toBe('0');
  });
});
