import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Services } from '../../services/index.js';

/**
 * Prometheus metrics of one API instance, in a registry of its own (several apps can live in one
 * process, as in tests). Request latency and the counters are this instance's; the totals of
 * recorded transitions (workflow starts, decisions, SLA breaches) are read from the audit trail
 * at scrape time, so they cover every API instance, the bot and the timers of every worker.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly workflowStarts: Counter<'permit_type' | 'channel'>;
  readonly decisions: Counter<'decision' | 'outcome'>;
  readonly paymentCallbacks: Counter<'outcome'>;
  private totals: { at: number; value: Promise<Record<string, number>> } | undefined;

  constructor(operations: Services['operations'], options: { processMetrics: boolean }) {
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.workflowStarts = new Counter({
      name: 'permit_api_workflow_starts_total',
      help: 'Permit workflows started through this API instance (replays not counted)',
      labelNames: ['permit_type', 'channel'],
      registers,
    });
    this.decisions = new Counter({
      name: 'permit_api_decisions_total',
      help: 'Officer decisions sent through this API instance, by decision and outcome (accepted/refused)',
      labelNames: ['decision', 'outcome'],
      registers,
    });
    this.paymentCallbacks = new Counter({
      name: 'permit_api_payment_callbacks_total',
      help: 'Payment gateway callbacks by outcome (accepted, duplicate, refused, bad_signature)',
      labelNames: ['outcome'],
      registers,
    });
    const readTotals = async (): Promise<Record<string, number> | null> => {
      // One query per scrape, shared by the gauges below (they are collected concurrently).
      if (!this.totals || Date.now() - this.totals.at > 1_000) {
        this.totals = { at: Date.now(), value: operations.transitionTotals() };
      }
      return this.totals.value.catch(() => null);
    };
    new Gauge({
      name: 'permit_metrics_database_up',
      help: '1 when the audit-trail totals below could be read from PostgreSQL at this scrape',
      registers,
      async collect() {
        this.set((await readTotals()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'permit_transitions_recorded',
      help: 'Transitions in the audit trail by action (submitted = workflow starts; stage_approved, rejected, revision_requested, issued = decisions), all instances',
      labelNames: ['action'],
      registers,
      async collect() {
        const totals = await readTotals();
        if (!totals) return;
        this.reset();
        for (const [action, n] of Object.entries(totals)) this.set({ action }, n);
      },
    });
    new Gauge({
      name: 'permit_sla_breaches_recorded',
      help: 'SLA breaches recorded in the audit trail (sla_breached transitions), all instances',
      registers,
      async collect() {
        const totals = await readTotals();
        if (totals) this.set(totals.sla_breached ?? 0);
      },
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }
}
