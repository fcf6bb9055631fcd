-- AlterTable
ALTER TABLE "gateway_outbox" ADD COLUMN     "headers" JSONB NOT NULL DEFAULT '{}';
