import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { Pool } from 'pg';

/**
 * Makes the registry misbehave for one voucher only, as a database failure or a slow disk
 * would: `statement` runs (PL/pgSQL) before that voucher's row is inserted. Returns the undo.
 */
export async function onRegistryInsertOf(db: Pool, voucherCode: string, name: string, statement: string): Promise<() => Promise<void>> {
  await db.query(`
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.voucher_code_hash = '${hashVoucherCode(voucherCode)}' THEN
        ${statement};
      END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER ${name} BEFORE INSERT ON registry_voucher FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db.query(`DROP TRIGGER IF EXISTS ${name} ON registry_voucher`);
  };
}
