/**
 * A local stand-in for a Typesense node, so tests drive the real `typesense`
 * client over 127.0.0.1 and see exactly the HTTP it sends.
 *
 *   const fake = await startFakeTypesense();
 *   createTypesenseClient({ nodes: [fake.node], apiKey: fake.apiKey, ... });
 *
 * It keeps collections, aliases and documents the way the server does for
 * the calls cphub makes (create / retrieve / delete a collection, JSONL
 * import with `action=upsert`, delete by `filter_by=id:[…]` or by id,
 * upsert / retrieve an alias, health), so sync tests can read what landed.
 * It does not search: `onSearch` answers `GET …/documents/search` with a
 * canned response (by default nothing found). A collection name may be an
 * alias, as on the server. Every request needs `X-TYPESENSE-API-KEY`
 * (401 otherwise). `failNext(pattern, status)` answers the next matching
 * request with an error.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypesenseNode } from '../../config.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  apiKey: string | undefined;
}

type Json = Record<string, unknown>;

export interface FakeCollection {
  schema: Json;
  documents: Map<string, Json>;
}

export interface FakeTypesense {
  node: TypesenseNode;
  apiKey: string;
  requests: RecordedRequest[];
  collections: Map<string, FakeCollection>;
  aliases: Map<string, string>;
  /** Answers searches; gets the request, returns the JSON body (status 200). */
  onSearch(answer: (request: RecordedRequest) => Json): void;
  failNext(pattern: RegExp, status: number): void;
  /** The documents behind a collection or alias name. */
  documentsOf(name: string): Map<string, Json> | undefined;
  close(): Promise<void>;
}

const API_KEY = 'fake-typesense-key';

export async function startFakeTypesense(): Promise<FakeTypesense> {
  const requests: RecordedRequest[] = [];
  const collections = new Map<string, FakeCollection>();
  const aliases = new Map<string, string>();
  const failures: Array<{ pattern: RegExp; status: number }> = [];
  let searchAnswer: (request: RecordedRequest) => Json = () => ({ found: 0, out_of: 0, page: 1, hits: [], facet_counts: [] });
  const resolve = (name: string): FakeCollection | undefined => collections.get(aliases.get(name) ?? name);

  const route = (request: RecordedRequest): [number, Json | string] => {
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const { method } = request;
    if (parts[0] === 'health') return [200, { ok: true }];
    if (parts[0] === 'aliases') return aliasRoute(method, parts[1], request.body);
    if (parts[0] !== 'collections') return [404, { message: 'Not Found' }];
    if (parts.length === 1 && method === 'POST') return createCollection(JSON.parse(request.body) as Json);
    if (parts.length === 1 && method === 'GET') return [200, [...collections.values()].map(describe) as unknown as Json];
    const collection = resolve(parts[1]!);
    if (!collection) return [404, { message: `Collection not found` }];
    if (parts.length === 2 && method === 'GET') return [200, describe(collection)];
    if (parts.length === 2 && method === 'DELETE') {
      collections.delete(collection.schema.name as string);
      return [200, describe(collection)];
    }
    if (parts[2] !== 'documents') return [404, { message: 'Not Found' }];
    if (parts[3] === 'search' && method === 'GET') return [200, searchAnswer(request)];
    if (parts[3] === 'import' && method === 'POST') return [200, importLines(collection, request.body)];
    if (parts.length === 3 && method === 'DELETE') return [200, { num_deleted: deleteByFilter(collection, request.query.filter_by ?? '') }];
    if (parts.length === 4 && method === 'DELETE') {
      const existed = collection.documents.delete(parts[3]!);
      return existed ? [200, { id: parts[3] }] : [404, { message: 'Could not find a document with that id.' }];
    }
    return [404, { message: 'Not Found' }];
  };

  const describe = (collection: FakeCollection): Json => ({ ...collection.schema, num_documents: collection.documents.size });

  const createCollection = (schema: Json): [number, Json] => {
    const name = schema.name as string;
    if (collections.has(name)) return [409, { message: `A collection with name \`${name}\` already exists.` }];
    collections.set(name, { schema, documents: new Map() });
    return [201, describe(collections.get(name)!)];
  };

  const aliasRoute = (method: string, name: string | undefined, body: string): [number, Json] => {
    if (method === 'PUT' && name) {
      const target = (JSON.parse(body) as { collection_name: string }).collection_name;
      aliases.set(name, target);
      return [200, { name, collection_name: target }];
    }
    if (method === 'GET' && name) {
      const target = aliases.get(name);
      return target ? [200, { name, collection_name: target }] : [404, { message: 'Not Found' }];
    }
    return [200, { aliases: [...aliases].map(([alias, target]) => ({ name: alias, collection_name: target })) }];
  };

  const importLines = (collection: FakeCollection, body: string): string =>
    body
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const document = JSON.parse(line) as Json;
        collection.documents.set(document.id as string, document);
        return JSON.stringify({ success: true });
      })
      .join('\n');

  // Only the form cphub sends: id:[`a`, `b`].
  const deleteByFilter = (collection: FakeCollection, filter: string): number => {
    const match = /^id:\[(.*)\]$/.exec(filter);
    if (!match) throw new Error(`the fake deletes by id:[…] only, got ${filter}`);
    const ids = [...match[1]!.matchAll(/`([^`]*)`/g)].map((id) => id[1]!);
    return ids.filter((id) => collection.documents.delete(id)).length;
  };

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: Buffer.concat(chunks).toString('utf8'),
        apiKey: incoming.headers['x-typesense-api-key'] as string | undefined,
      };
      requests.push(request);
      const failure = failures.findIndex((entry) => entry.pattern.test(`${request.method} ${request.path}`));
      let status: number;
      let body: Json | string;
      if (request.apiKey !== API_KEY) [status, body] = [401, { message: 'Forbidden - a valid `x-typesense-api-key` header must be sent.' }];
      else if (failure >= 0) [status, body] = [failures.splice(failure, 1)[0]!.status, { message: 'Scripted failure' }];
      else [status, body] = route(request);
      response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    node: { protocol: 'http', host: '127.0.0.1', port, path: '' },
    apiKey: API_KEY,
    requests,
    collections,
    aliases,
    onSearch: (answer) => void (searchAnswer = answer),
    failNext: (pattern, status) => void failures.push({ pattern, status }),
    documentsOf: (name) => resolve(name)?.documents,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
