import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { Pattern, PatternElement } from '@fluent/bundle/esm/ast.js';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/bot/commands.js';
import { LANGUAGES, LOCALES_DIR } from '../../src/bot/i18n.js';
import { NOTIFICATION_TEMPLATES, notificationKey } from '../../src/bot/notificationText.js';
import { COMPLAINT_CATEGORIES } from '../../src/domain/complaints/complaintCategories.js';
import { COMPLAINT_STATUSES } from '../../src/domain/complaints/complaintLifecycle.js';
import { FILE_STATUSES } from '../../src/domain/stages/fileState.js';
import { SURVEY_ELEMENTS } from '../../src/domain/survey/surveyElements.js';

// Every user-facing text lives in locales/<language>.ftl. A key missing in one language, a
// message using other variables than its translation, or a key the code asks for that no file
// has, fails here.

const sources = Object.fromEntries(
  LANGUAGES.map((language) => [language, readFileSync(path.join(LOCALES_DIR, `${language}.ftl`), 'utf8')]),
);
const resources = Object.fromEntries(
  LANGUAGES.map((language) => [language, new FluentResource(sources[language]!)]),
);
const keysOf = (language: string) => new Set(resources[language]!.body.map((entry) => entry.id));

function variablesOf(pattern: Pattern | null, found = new Set<string>()): Set<string> {
  if (pattern === null || typeof pattern === 'string') return found;
  const visit = (element: PatternElement | { type: string }) => {
    if (typeof element === 'string') return;
    const e = element as { type: string; name?: string; selector?: unknown; variants?: { value: Pattern }[] };
    if (e.type === 'var' && e.name) found.add(e.name);
    if (e.type === 'select') {
      visit(e.selector as PatternElement);
      for (const variant of e.variants ?? []) variablesOf(variant.value, found);
    }
  };
  for (const element of pattern) visit(element);
  return found;
}

/** Keys the bot's code asks for with t('...') (both sides of a conditional included). */
function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  const dir = path.resolve('src/bot');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const call of text.matchAll(/\bt\(([^,)]*)/g)) {
      // Literals compared in a condition (decision === 'revise') are not keys.
      for (const literal of call[1]!.matchAll(/(?<![=!]==\s*)'([a-z0-9-]+)'/g)) used.add(literal[1]!);
    }
  }
  // Keys built at run time.
  for (const name of Object.keys(COMMANDS)) used.add(`command-${name}`);
  for (const command of ['approve', 'reject', 'revise']) used.add(`${command}-usage`);
  for (const status of [...FILE_STATUSES, 'SUBMITTED'])
    used.add(`status-${status.toLowerCase().replace(/_/g, '-')}`);
  for (const template of NOTIFICATION_TEMPLATES) used.add(notificationKey(template));
  for (const category of COMPLAINT_CATEGORIES) used.add(`complaint-category-${category}`);
  for (const state of COMPLAINT_STATUSES) used.add(`complaint-state-${state}`);
  for (const element of SURVEY_ELEMENTS) {
    for (const part of ['element', 'question', 'score']) used.add(`survey-${part}-${element}`);
  }
  used.add(notificationKey('some_future_template'));
  const auditActions = [
    'submitted',
    'stage_approved',
    'payment_requested',
    'paid',
    'issued',
    'rejected',
    'revision_requested',
    'resubmitted',
    'withdrawn',
    'expired',
    'deemed_approved',
    'sla_reminder',
    'sla_breached',
    'sla_second_level',
  ];
  for (const action of auditActions) used.add(`action-${action.replace(/_/g, '-')}`);
  return used;
}

describe('locale files', () => {
  test('both languages have exactly the same keys', () => {
    const [id, en] = [keysOf('id'), keysOf('en')];
    expect(
      [...id].filter((k) => !en.has(k)),
      'keys missing in en.ftl',
    ).toEqual([]);
    expect(
      [...en].filter((k) => !id.has(k)),
      'keys missing in id.ftl',
    ).toEqual([]);
    expect(id.size).toBeGreaterThan(100);
  });

  test('every message written in a file was parsed (no syntax error swallowed a message)', () => {
    for (const language of LANGUAGES) {
      const written = [...sources[language]!.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]);
      expect(
        written.filter((k) => !keysOf(language).has(k!)),
        `unparsed messages in ${language}.ftl`,
      ).toEqual([]);
    }
  });

  test('each message uses the same variables in both languages', () => {
    const byKey = (language: string) =>
      new Map(resources[language]!.body.map((entry) => [entry.id, variablesOf(entry.value)]));
    const [id, en] = [byKey('id'), byKey('en')];
    const mismatches = [...id].filter(([key, vars]) => {
      const other = en.get(key);
      return other && [...vars].sort().join() !== [...other].sort().join();
    });
    expect(mismatches.map(([key]) => key)).toEqual([]);
  });

  test('every key the code uses exists in both languages', () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(100);
    for (const language of LANGUAGES) {
      expect(
        [...used].filter((k) => !keysOf(language).has(k)),
        `missing in ${language}.ftl`,
      ).toEqual([]);
    }
  });

  test('every message formats without errors given its variables', () => {
    for (const language of LANGUAGES) {
      const bundle = new FluentBundle(language, { useIsolating: false });
      bundle.addResource(resources[language]!);
      for (const entry of resources[language]!.body) {
        const args = Object.fromEntries([...variablesOf(entry.value)].map((name) => [name, 'x']));
        const errors: Error[] = [];
        const text = bundle.formatPattern(bundle.getMessage(entry.id)!.value!, args, errors);
        expect(errors, `${language}: ${entry.id}`).toEqual([]);
        expect(text.trim().length, `${language}: ${entry.id}`).toBeGreaterThan(0);
      }
    }
  });
});
