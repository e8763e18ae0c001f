/**
 * A question's query as the list card carries it ("Visa fler", "Tillbaka" from a remiss): card data is never
 * trusted, so it is parsed back here into a Query of sane size, or dropped.
 */
import { z } from 'zod';
import { MAX_QUESTION_LENGTH, QUERY_STATUSES, type Query } from '../../domain/question.js';

const word = z.string().min(1).max(MAX_QUESTION_LENGTH);
const month = z.number().int().min(1).max(12);
const year = z.number().int().min(2000).max(2100).optional();
const which = z.enum(['this', 'next']);
const date = z.object({ month, day: z.number().int().min(1).max(31).optional(), year });

const whenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['overdue', 'today', 'tomorrow', 'beforeChristmas']) }),
  z.object({ kind: z.literal('week'), which }),
  z.object({ kind: z.literal('calendarMonth'), which }),
  z.object({ kind: z.literal('weekNumber'), week: z.number().int().min(1).max(53) }),
  z.object({ kind: z.literal('month'), month, year }),
  z.object({ kind: z.enum(['before', 'by', 'after']), date }),
]);

export const querySchema: z.ZodType<Query> = z
  .object({
    whose: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.enum(['mine', 'unassigned']) }),
        z.object({ kind: z.literal('person'), name: word }),
      ])
      .optional(),
    when: whenSchema.optional(),
    ready: z.literal(true).optional(),
    from: word.optional(),
    status: z.enum(QUERY_STATUSES).optional(),
    titleWords: z.array(word).min(1).max(24).optional(),
  })
  .refine((q) => q.whose || q.when || q.from || q.status || q.titleWords);
