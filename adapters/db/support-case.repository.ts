import type { Channel, SupportCase, SupportCaseRepository, SupportRequestType } from '../../core/index';
import type { SupportCase as SupportCaseRow } from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';
import { writeOutbox } from './outbox-writes';
import type { DbClient } from './prisma-client';
import { nextCounterValue } from './work-order.repository';

/** The case, its number and its email in one transaction: a case is never numbered without its email, nor sent twice. */
export function createSupportCaseRepository(db: DbClient): SupportCaseRepository {
  return {
    async open(supportCase, outbox) {
      return db.$transaction(async (t) => {
        const number = `CASE-${await nextCounterValue(t, 'support_case')}`;
        const row = await t.supportCase.create({
          data: {
            number,
            orderNumber: supportCase.orderNumber,
            lineNumbers: toJsonText(supportCase.lineNumbers),
            requestType: supportCase.requestType,
            description: supportCase.description,
            openedByName: supportCase.openedBy.name,
            openedByEmail: supportCase.openedBy.email,
            channel: supportCase.channel,
            sentTo: supportCase.sentTo,
            createdAt: supportCase.createdAt,
          },
        });
        const opened = toSupportCase(row);
        await writeOutbox(t, outbox(opened), new Date());
        return opened;
      });
    },

    async findByNumber(caseNumber) {
      const row = await db.supportCase.findUnique({ where: { number: caseNumber } });
      return row ? toSupportCase(row) : null;
    },

    async listForOrder(orderNumber, limit) {
      const rows = await db.supportCase.findMany({ where: { orderNumber }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
      return rows.map(toSupportCase);
    },
  };
}

function toSupportCase(row: SupportCaseRow): SupportCase {
  return {
    number: row.number,
    orderNumber: row.orderNumber,
    lineNumbers: fromJsonText<number[]>(row.lineNumbers),
    // Only this adapter writes these columns, always from the core's union types.
    requestType: row.requestType as SupportRequestType,
    description: row.description,
    openedBy: { name: row.openedByName, email: row.openedByEmail },
    channel: row.channel as Channel,
    sentTo: row.sentTo,
    createdAt: row.createdAt,
  };
}
