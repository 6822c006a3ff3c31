// A real HTTP server on 127.0.0.1 (random port) that answers with the bodies under test.
// Tests register routes; `/respond?status=…&type=…&body=…&headers=…` answers from its query.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RouteSpec {
  status?: number;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Close the connection with no response: the browser sees status 0. */
  destroy?: boolean;
}

export type Route = RouteSpec | ((request: IncomingMessage, response: ServerResponse, body: string) => void);

export interface TestServer {
  origin: string;
  route(path: string, route: Route): void;
  /** The requests the server received, in order (method and path). */
  received: Array<{ method: string; path: string; body: string }>;
  close(): Promise<void>;
}

function send(response: ServerResponse, spec: RouteSpec): void {
  if (spec.destroy) {
    response.socket?.destroy();
    return;
  }
  const isText = typeof spec.body === 'string' || spec.body === undefined;
  const payload = spec.body === undefined ? '' : isText ? (spec.body as string) : JSON.stringify(spec.body);
  const contentType = spec.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json');
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (payload !== '' || spec.contentType) headers['Content-Type'] = contentType;
  response.writeHead(spec.status ?? 200, headers);
  response.end(payload);
}

function fromQuery(url: URL): RouteSpec {
  const query = url.searchParams;
  const type = query.get('type') ?? 'json';
  const contentTypes: Record<string, string> = {
    json: 'application/json',
    problem: 'application/problem+json',
    jsonapi: 'application/vnd.api+json',
    html: 'text/html; charset=utf-8',
    text: 'text/plain; charset=utf-8',
    none: '',
  };
  return {
    status: Number(query.get('status') ?? 200),
    body: query.get('body') ?? '',
    contentType: contentTypes[type] ?? type,
    headers: JSON.parse(query.get('headers') ?? '{}'),
    delayMs: Number(query.get('delay') ?? 0),
  };
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const received: TestServer['received'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method ?? 'GET', path: url.pathname + url.search, body });
      const route = routes.get(url.pathname) ?? (url.pathname === '/respond' ? fromQuery(url) : { status: 404, body: 'no route' });
      if (typeof route === 'function') return route(request, response, body);
      if (route.delayMs) setTimeout(() => send(response, route), route.delayMs);
      else send(response, route);
    });
  });
  // jsdom keeps connections alive and reuses them from one page to the next. Node closes an idle
  // one after 5 s, and a request written to it as it closes fails with status 0: on a loaded
  // machine tests take longer than that between requests. The server closes them itself (close).
  server.keepAliveTimeout = 10 * 60 * 1000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Bursts of a thousand requests open a thousand connections at once: with Node's default
  // backlog (511) the kernel resets the overflow and those requests fail with status 0.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, route) => routes.set(path, route),
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `/respond?…` for a JSON body. */
export function respondUrl(status: number, body: unknown, options: { type?: string; headers?: Record<string, string>; delay?: number } = {}): string {
  const query = new URLSearchParams({
    status: String(status),
    body: typeof body === 'string' ? body : JSON.stringify(body),
    type: options.type ?? 'json',
  });
  if (options.headers) query.set('headers', JSON.stringify(options.headers));
  if (options.delay) query.set('delay', String(options.delay));
  return '/respond?' + query.toString();
}
