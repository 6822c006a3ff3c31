// A long-poll re-sends its own settings object (`complete: function () { $.ajax(this); }`): the
// plugin wraps the page's `xhr` factory once however often it is sent, so the factory runs at the
// same stack depth on the 20,000th send as on the 11th, and that request still reaches the server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JQUERY_VERSIONS, pageServer, toastMessages, wait, type TestPage } from './helpers/page.ts';

const servers = pageServer();

/**
 * An XMLHttpRequest stand-in that answers 200 at once (in a microtask), so thousands of sends
 * take no network: what is measured is only how deep jQuery calls the page's factory.
 */
function fastXhrClass(window: any): new () => unknown {
  return class FastXhr {
    readyState = 0;
    status = 0;
    statusText = '';
    responseText = '';
    responseType = '';
    onload: null | (() => void) = null;
    onerror: null | (() => void) = null;
    onabort: null | (() => void) = null;
    ontimeout: null | (() => void) = null;
    onreadystatechange: null | (() => void) = null;
    open(): void {}
    setRequestHeader(): void {}
    overrideMimeType(): void {}
    abort(): void {}
    getAllResponseHeaders(): string {
      return 'Content-Type: text/plain\r\n';
    }
    send(): void {
      window.queueMicrotask(() => {
        Object.assign(this, { readyState: 4, status: 200, statusText: 'OK', responseText: 'ok' });
        if (this.onload) this.onload();
        else if (this.onreadystatechange) this.onreadystatechange();
      });
    }
  };
}

/** Sends one settings object `total` times from its own `complete`; the last send goes to the server. */
function longPoll(p: TestPage, url: string, total: number, measured: number[]): Promise<number[]> {
  p.window.Error.stackTraceLimit = Infinity;
  const FastXhr = fastXhrClass(p.window);
  const depths: number[] = [];
  let sent = 0;
  // The page's own factory: a fake for every send but the last, which is a real request. The
  // stack is read only at a few sends: reading a deep one each time would take minutes.
  p.$.ajaxSetup({
    xhr() {
      if (measured.includes(sent)) depths.push(String(new p.window.Error().stack).split('\n').length);
      return sent < total ? new FastXhr() : new p.window.XMLHttpRequest();
    },
  });
  return new Promise((resolve) => {
    p.$.ajax({
      url,
      complete(this: unknown) {
        // Deeper at the 301st send already: the loop stops there rather than crawl to 20,000.
        if (sent === total || depths[1]! > depths[0]!) return resolve(depths);
        sent += 1;
        p.$.ajax(this);
      },
    });
  });
}

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}`, () => {
    test('a long-poll re-sending its settings 20,000 times: the xhr factory never runs deeper, and the request still leaves', async (t) => {
      const p = servers.page(t, { jquery });
      servers.server.route('/poll', { status: 200, body: 'ok' });
      p.ApiErrors.installApiErrors();
      const url = `/poll?v=${jquery}`;
      const depths = await longPoll(p, url, 20000, [10, 300, 20000]);
      await wait(p, 30);
      assert.deepEqual(depths, [depths[0], depths[0], depths[0]], 'the factory\'s stack depth at the 11th, 301st and 20,001st send');
      assert.equal(servers.server.received.filter((request) => request.path.startsWith(url)).length, 1, 'the last send reached the server');
      assert.deepEqual(toastMessages(p), [], 'nobody is told the server could not be reached');
      assert.deepEqual(p.consoleErrors, []);
    });
  });
}
