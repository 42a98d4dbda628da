import { expect } from 'vitest';
import { startContractProxy, violationsOf } from './contractProxy.js';
import { type ApiResponse, type CallOptions, call } from './httpClient.js';

export interface Expectation {
  status: number;
  /**
   * The request breaks the document on purpose (no credentials, an unknown field, a malformed
   * path parameter): only the answer is checked against the document, not the request.
   */
  invalidRequest?: boolean;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
}

export interface ContractChecker {
  /**
   * One request through the checker: the API must answer `expectation.status`, and Prism must
   * find nothing (each finding is reported, the test goes on to show every one of them).
   */
  checked<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions,
    expectation: Expectation,
  ): Promise<ApiResponse<T>>;
  /** Every operation of the document, as `METHOD /path/{template}`. */
  operations(): string[];
  /** The operations at least one request went to. */
  exercised(): string[];
  stop(): Promise<void>;
}

/** Serves the API's own OpenAPI document to Stoplight Prism's validation proxy in front of the API. */
export async function startContractChecker(apiUrl: string): Promise<ContractChecker> {
  const document = await call<{ paths: Record<string, Record<string, unknown>> }>(
    apiUrl,
    'GET',
    '/api/v1/openapi.json',
  );
  if (document.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${document.status}`);
  const operations: Operation[] = Object.entries(document.body.paths).flatMap(([template, ops]) =>
    Object.keys(ops).map((method) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    })),
  );
  const proxy = await startContractProxy(document.body, apiUrl);
  const exercised = new Set<string>();
  const name = (o: Operation) => `${o.method} ${o.template}`;

  return {
    async checked<T>(method: string, path: string, options: CallOptions, expectation: Expectation) {
      const res = await call<T>(proxy.url, method, path, options);
      const operation = operations.find((o) => o.method === method && o.pattern.test(path));
      if (operation) exercised.add(name(operation));
      const findings = violationsOf(res.headers)
        .filter((v) => !expectation.invalidRequest || v.location[0] === 'response')
        .map((v) => `${v.location.join('.')}: ${v.message}`);
      expect
        .soft(findings, `${method} ${path} answered ${res.status}: the contract checker's findings`)
        .toEqual([]);
      expect(res.status, `${method} ${path}: ${res.text.slice(0, 500)}`).toBe(expectation.status);
      return res;
    },
    operations: () => operations.map(name).sort(),
    exercised: () => [...exercised].sort(),
    stop: () => proxy.stop(),
  };
}
