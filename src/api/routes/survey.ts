import { z } from 'zod';
import {
  MAX_SURVEY_COMMENT_LENGTH,
  SURVEY_ELEMENT_TOPICS,
  SURVEY_ELEMENTS,
  type SurveyElement,
} from '../../domain/survey/surveyElements.js';
import type { ApiContext } from '../apiContext.js';
import { officerOnly, requireOfficer, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { accessCodeHeader, registrationNumberParams } from '../schemas/common.js';
import { applicantOnly } from './applicantActions.js';

const scoreSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const byElement = <T extends z.ZodType>(schema: (element: SurveyElement) => T) =>
  Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, schema(e)])) as Record<SurveyElement, T>;

// Every element is required, but checked by the service (422 incomplete-survey, naming the
// missing ones) rather than by the schema (400), like a permit form's fields.
const answersSchema = z
  .strictObject(
    byElement((e) => scoreSchema.optional().describe(`${e}: ${SURVEY_ELEMENT_TOPICS[e]} (1 worst - 4 best)`)),
  )
  .describe('A score 1-4 for each of the nine elements u1-u9; all nine are required (422 otherwise)');

const surveyAnswerSchema = z.strictObject({
  answers: answersSchema,
  comment: z
    .string()
    .max(MAX_SURVEY_COMMENT_LENGTH)
    .optional()
    .describe("Suggestions or remarks; read by the office's managers, never published"),
});

const surveyStandingSchema = z.object({
  registrationNumber: z.string(),
  survey: z
    .enum(['open', 'answered', 'file_open'])
    .describe(
      'open: may be answered now; answered: done (once per file); file_open: opens when the file closes',
    ),
});

export const surveyFiguresSchema = z.object({
  permitTypeCode: z.string(),
  quarter: z.string().describe('Quarter of the answers (Asia/Jakarta), e.g. 2026-Q2'),
  respondents: z.int().describe('Always published, also when the figures are withheld'),
  minimumRespondents: z
    .int()
    .describe(
      "The anonymity floor (the catalog's survey.minimumRespondents, default 5): a group with fewer " +
        'respondents publishes no figures, an element with fewer answers no mean',
    ),
  withheld: z
    .enum(['too_few_respondents'])
    .nullable()
    .describe(
      'Why elements, ikm, grade and gradeLabel are null: too_few_respondents when respondents < ' +
        'minimumRespondents (the means would be those few answers); null when published',
    ),
  elements: z
    .object(
      byElement(() =>
        z.object({
          nrr: z
            .number()
            .nullable()
            .describe(
              'Mean score 1-4 (NRR), 3 decimals; null when fewer than minimumRespondents answered it ' +
                '(then also left out of the IKM, like an element no one answered)',
            ),
          answers: z.int(),
        }),
      ),
    )
    .nullable()
    .describe('Per element u1-u9; null when withheld'),
  ikm: z
    .number()
    .nullable()
    .describe(
      '25 x the mean of the published element means, computed exactly and rounded half up to 2 decimals; null when withheld',
    ),
  grade: z
    .enum(['A', 'B', 'C', 'D'])
    .nullable()
    .describe('A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99; null when withheld'),
  gradeLabel: z
    .string()
    .nullable()
    .describe('Sangat Baik, Baik, Kurang Baik, Tidak Baik; null when withheld'),
});

const commentSchema = z.object({
  permitTypeCode: z.string(),
  answeredOn: z.string().describe('The day (Asia/Jakarta); no registration number and no name'),
  answers: z.object(byElement(() => scoreSchema.optional())).describe('The scores given with the comment'),
  comment: z.string(),
});

const quarterParams = z.strictObject({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .describe('e.g. 2026-Q2'),
});

export function surveyRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/api/v1/applications/{registrationNumber}/survey',
      operationId: 'surveyStanding',
      summary: "Whether the file's satisfaction survey may be answered",
      tags: ['applicant'],
      security: ['accessCode'],
      params: registrationNumberParams,
      headers: [accessCodeHeader],
      beforeBody: [applicantOnly(ctx)],
      responses: {
        200: { description: "The survey's standing", schema: surveyStandingSchema },
        403: { description: 'applicant-only: an officer key is not the applicant' },
        404: { description: 'No such file, or no valid access code for it' },
      },
    },
    async (req, res, { params }) => {
      const survey = await ctx.services.survey.standing(serviceCaller(req, res), params.registrationNumber);
      res.json({ registrationNumber: params.registrationNumber, survey });
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications/{registrationNumber}/survey',
      operationId: 'answerSurvey',
      summary: 'Answer the satisfaction survey of a closed file (once)',
      description:
        'The nine elements of Permenpan RB 14/2017, each scored 1-4. Published only as figures per ' +
        'permit type and quarter (GET /api/v1/stats); the comment goes to the managers alone.',
      tags: ['applicant'],
      security: ['accessCode'],
      params: registrationNumberParams,
      headers: [accessCodeHeader],
      body: { kind: 'json', schema: surveyAnswerSchema },
      beforeBody: [applicantOnly(ctx)],
      responses: {
        201: {
          description: 'Recorded',
          schema: z.object({ registrationNumber: z.string(), answered: z.int() }),
        },
        403: { description: 'applicant-only: an officer key is not the applicant' },
        404: { description: 'No such file, or no valid access code for it' },
        409: { description: 'survey-answered: answered before; file-still-open: the file is not closed yet' },
        422: { description: 'incomplete-survey: an element has no score (errors name them)' },
      },
    },
    async (req, res, { params, body }) => {
      const result = await ctx.services.survey.submit(
        serviceCaller(req, res),
        params.registrationNumber,
        { answers: body.answers, comment: body.comment },
        'api',
      );
      res.status(201).json({ registrationNumber: params.registrationNumber, answered: result.answered });
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/api/v1/survey/comments/{quarter}',
      operationId: 'surveyComments',
      summary: "A quarter's survey comments on the permit types of the manager's departments",
      description: 'Managers only. Comments carry no registration number and no name.',
      tags: ['officers'],
      security: ['officerKey'],
      params: quarterParams,
      beforeBody: [officerOnly],
      responses: {
        200: {
          description: 'Newest first (at most 500)',
          schema: z.object({ quarter: z.string(), comments: z.array(commentSchema) }),
        },
        401: { description: 'No valid officer key' },
        403: { description: 'not-manager: the officer is not a manager' },
      },
    },
    async (_req, res, { params }) => {
      const comments = await ctx.services.survey.comments({ officer: requireOfficer(res) }, params.quarter);
      res.json({ quarter: params.quarter, comments });
    },
  );
}
