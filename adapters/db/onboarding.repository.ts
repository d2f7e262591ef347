import { CoreError } from '../../core/index';
import type { CustomerRepository, DomainScope, OutboxWrites, PostedMessage, TemplateRepository } from '../../core/index';
import { toCustomer, toCustomerCreate, toLocation, toLocationCreate, toTemplate, toTemplateCreate } from './onboarding.mapper';
import { toJsonText } from './json-column';
import { writeOutbox } from './outbox-writes';
import { isUniqueViolation } from './prisma-errors';
import type { DbClient } from './prisma-client';

const inScope = (scope: DomainScope) => (scope === 'all' ? {} : { domain: { in: scope } });
const withLocations = { locations: true } as const;

export function createTemplateRepository(db: DbClient): TemplateRepository {
  return {
    async create(template) {
      try {
        return toTemplate(await db.onboardingTemplate.create({ data: toTemplateCreate(template) }));
      } catch (err) {
        if (isUniqueViolation(err, 'onboarding_templates')) {
          throw new CoreError('CONFLICT', { reason: `${template.domain} already has a template named ${template.name}` });
        }
        throw err;
      }
    },

    async findById(id) {
      const row = await db.onboardingTemplate.findUnique({ where: { id } });
      return row ? toTemplate(row) : null;
    },

    async findByName(domain, name) {
      const row = await db.onboardingTemplate.findUnique({ where: { domain_nameKey: { domain, nameKey: name.trim().toLowerCase() } } });
      return row ? toTemplate(row) : null;
    },

    async list(scope) {
      const rows = await db.onboardingTemplate.findMany({
        where: inScope(scope),
        orderBy: [{ domain: 'asc' }, { nameKey: 'asc' }],
        include: { _count: { select: { customers: true } } },
      });
      return rows.map(({ _count, ...row }) => ({ ...toTemplate(row), customerCount: _count.customers }));
    },

    countCustomers: (templateId) => db.customer.count({ where: { templateId } }),
  };
}

export function createCustomerRepository(db: DbClient): CustomerRepository {
  return {
    async create(customer, writes) {
      const { headquarters, ...rest } = customer;
      const data = { ...toCustomerCreate(rest), locations: { create: withoutCustomerId(toLocationCreate(headquarters)) } };
      // A nested create is one statement: the customer and its headquarters, or nothing.
      if (!hasNotices(writes)) return toCustomer(await db.customer.create({ data, include: withLocations }));
      // With its notices (the creator's status message), one transaction.
      return db.$transaction(async (tx) => {
        const row = await tx.customer.create({ data, include: withLocations });
        await writeOutbox(tx, writes, customer.createdAt);
        return toCustomer(row);
      });
    },

    async findById(id) {
      const row = await db.customer.findUnique({ where: { id }, include: withLocations });
      return row ? toCustomer(row) : null;
    },

    async list(scope) {
      const rows = await db.customer.findMany({
        where: inScope(scope),
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        include: withLocations,
      });
      return rows.map(toCustomer);
    },

    async listByAdminEmail(email) {
      const rows = await db.customer.findMany({
        // Stored lower-case (mapper and migration), so one equality on the index.
        where: { adminEmail: email.trim().toLowerCase() },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        include: withLocations,
      });
      return rows.map(toCustomer);
    },

    async listByStatus(statuses, limit) {
      const rows = await db.customer.findMany({
        where: { status: { in: [...statuses] }, remoteCustomerId: { not: null } },
        orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
        take: limit,
        include: withLocations,
      });
      return rows.map(toCustomer);
    },

    async settle(id, from, settlement, writes) {
      // Write first, no read: the conditional UPDATE decides which of two pollers records it.
      return db.$transaction(async (tx) => {
        const { count } = await tx.customer.updateMany({
          where: { id, status: from },
          data: {
            status: settlement.status,
            packageResults: toJsonText(settlement.packageResults),
            orgId: settlement.orgId,
            updatedAt: settlement.updatedAt,
          },
        });
        if (count !== 1) return false;
        await writeOutbox(tx, writes, settlement.updatedAt);
        return true;
      });
    },

    async addLocation(location) {
      return toLocation(await db.customerLocation.create({ data: toLocationCreate(location) }));
    },

    async listPostedMessages(customerId) {
      const rows = await db.customerPostedMessage.findMany({ where: { customerId }, orderBy: { id: 'asc' } });
      return rows.map(({ platform, address }) => ({ platform: platform as PostedMessage['platform'], address }));
    },
  };
}

const hasNotices = (w: OutboxWrites | undefined): w is OutboxWrites =>
  !!w && w.deliveries.length + w.digestItems.length + w.escalations.length > 0;

const withoutCustomerId = <T extends { customerId: string }>({ customerId: _, ...rest }: T) => rest;
