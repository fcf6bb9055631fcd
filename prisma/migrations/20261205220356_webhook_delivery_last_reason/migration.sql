-- AlterTable
ALTER TABLE "webhook_delivery" ADD COLUMN     "last_reason" TEXT;

-- Why a push was set aside when no HTTP status says it: the dead-letter list names it by this.
COMMENT ON COLUMN "webhook_delivery"."last_reason" IS 'no-response | address-refused | cannot-sign (the last attempt failed without an HTTP status) | subscription-disabled | subscription-deleted; NULL when last_status says it';
