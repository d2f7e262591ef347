import { randomUUID } from 'node:crypto';
import type {
  ConnectActivation,
  ConnectActivationRepository,
  NewConnectActivation,
  Platform,
  ServicesSetup,
  ServicesSetupRepository,
  SetupProgressStep,
  SetupState,
  SetupSubmitter,
  ChatPlatform,
  Telephony,
} from '../../core/index';
import type { ConnectActivation as ActivationRow, ServicesSetup as SetupRow } from '../../prisma/generated/sqlite/client';
import { fromJsonText, toJsonText } from './json-column';
import { writeOutbox } from './outbox-writes';
import { isUniqueViolation } from './prisma-errors';
import type { DbClient, DbTransaction } from './prisma-client';

function toSetup(row: SetupRow): ServicesSetup {
  return {
    ...row,
    state: row.state as SetupState,
    platform: row.platform as Platform | null,
    telephony: row.telephony as Telephony | null,
    progress: fromJsonText<SetupProgressStep[]>(row.progress),
    submitter: row.submitter === null ? null : fromJsonText<SetupSubmitter>(row.submitter),
  };
}

// Fields picked one by one: a value typed ServicesSetup may carry other keys at runtime.
const toRow = (s: ServicesSetup, version: number) => ({
  version,
  state: s.state,
  sipAddressName: s.sipAddressName,
  countryOfOperation: s.countryOfOperation,
  countryConfirmedAt: s.countryConfirmedAt,
  countryConfirmedBy: s.countryConfirmedBy,
  timezone: s.timezone,
  platform: s.platform,
  telephony: s.telephony,
  submittedAt: s.submittedAt,
  submittedBy: s.submittedBy,
  submitter: s.submitter === null ? null : toJsonText(s.submitter),
  backendJobId: s.backendJobId,
  progress: toJsonText(s.progress),
  completedAt: s.completedAt,
  failure: s.failure,
  updatedAt: s.updatedAt,
});

const toActivation = (row: ActivationRow): ConnectActivation => ({ ...row });

export function createServicesSetupRepository(db: DbClient): ServicesSetupRepository & ConnectActivationRepository {
  /** The conditional save: an INSERT when nothing is stored (a second insert hits the key), else UPDATE ... WHERE version. */
  async function save(tx: DbTransaction | DbClient, next: ServicesSetup, expectedVersion: number): Promise<boolean> {
    const data = toRow(next, expectedVersion + 1);
    if (expectedVersion === 0) {
      try {
        await tx.servicesSetup.create({ data: { customerId: next.customerId, ...data } });
        return true;
      } catch (err) {
        if (isUniqueViolation(err, 'services_setups')) return false;
        throw err;
      }
    }
    const { count } = await tx.servicesSetup.updateMany({ where: { customerId: next.customerId, version: expectedVersion }, data });
    return count === 1;
  }

  async function addActivation(tx: DbTransaction, a: NewConnectActivation): Promise<void> {
    const key = { customerId: a.customerId, adminEmail: a.adminEmail.trim().toLowerCase() };
    if (await tx.connectActivation.findUnique({ where: { customerId_adminEmail: key } })) return;
    await tx.connectActivation.create({
      data: { id: randomUUID(), ...a, ...key, remindedAt: null, expiredAt: null, activatedAt: null },
    });
  }

  return {
    async find(customerId) {
      const row = await db.servicesSetup.findUnique({ where: { customerId } });
      return row ? toSetup(row) : null;
    },

    async saveIfVersion(next, expectedVersion, activation, writes) {
      if (!activation && !writes?.deliveries.length) return save(db, next, expectedVersion);
      return db.$transaction(async (tx) => {
        if (!(await save(tx, next, expectedVersion))) return false;
        if (activation) await addActivation(tx, activation);
        if (writes) await writeOutbox(tx, writes, next.updatedAt);
        return true;
      });
    },

    async listPostedMessages(customerId) {
      const rows = await db.servicesSetupMessage.findMany({ where: { customerId }, orderBy: { id: 'asc' } });
      return rows.map((r) => ({ platform: r.platform as ChatPlatform, address: r.address }));
    },

    async listByState(state, limit) {
      const rows = await db.servicesSetup.findMany({ where: { state }, orderBy: { updatedAt: 'asc' }, take: limit });
      return rows.map(toSetup);
    },

    async listDue(now, limit) {
      const rows = await db.connectActivation.findMany({
        where: {
          activatedAt: null,
          expiredAt: null,
          OR: [{ deadline: { lte: now } }, { remindedAt: null, remindAt: { lte: now } }],
        },
        orderBy: { deadline: 'asc' },
        take: limit,
      });
      return rows.map(toActivation);
    },

    async settle(id, stage, at, writes) {
      return db.$transaction(async (tx) => {
        const where = { id, activatedAt: null, expiredAt: null, ...(stage === 'reminded' ? { remindedAt: null } : {}) };
        const data = stage === 'reminded' ? { remindedAt: at } : { expiredAt: at };
        const { count } = await tx.connectActivation.updateMany({ where, data });
        if (count !== 1) return false;
        await writeOutbox(tx, writes, at);
        return true;
      });
    },

    async recordActivation(id, at) {
      // One conditional UPDATE: of a recording and the scheduler's expiry at once, exactly one wins.
      const { count } = await db.connectActivation.updateMany({
        where: { id, activatedAt: null, expiredAt: null },
        data: { activatedAt: at },
      });
      return count === 1;
    },

    async listForCustomer(customerId) {
      const rows = await db.connectActivation.findMany({ where: { customerId }, orderBy: { adminEmail: 'asc' } });
      return rows.map(toActivation);
    },
  };
}
