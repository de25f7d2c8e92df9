import { desc } from 'drizzle-orm';
import type { AuditEntry, AuditLog } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { auditLog } from './schema/audit-log.ts';

export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: OpenDatabase) {}

  async recent(limit: number): Promise<AuditEntry[]> {
    const rows = this.db.orm.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
    return rows.map((row) => ({
      at: new Date(row.at),
      action: row.action,
      ...(row.subject ? { subject: row.subject } : {}),
      ...(row.details ? { details: row.details } : {}),
    }));
  }
}
