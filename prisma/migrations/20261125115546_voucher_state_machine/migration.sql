-- AlterTable
ALTER TABLE "registry_voucher" ADD COLUMN     "last_sequence" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "purchase_fingerprint" TEXT;

-- CreateTable
CREATE TABLE "registry_voucher_history" (
    "voucher_code_hash" TEXT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "store_id" TEXT NOT NULL,
    "cashbox_id" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "sequence" INTEGER,
    "amount_minor" BIGINT,
    "currency" TEXT,
    "balance_after_minor" BIGINT,
    "outcome" TEXT NOT NULL,
    "rule" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registry_voucher_history_pkey" PRIMARY KEY ("voucher_code_hash","id")
);

-- CreateTable
CREATE TABLE "registry_parked_event" (
    "event_id" UUID NOT NULL,
    "voucher_code_hash" TEXT NOT NULL,
    "voucher_code_masked" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "reason_class" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "source_topic" TEXT NOT NULL,
    "source_partition" INTEGER NOT NULL,
    "source_offset" BIGINT NOT NULL,
    "parked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registry_parked_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "registry_parked_event_voucher_code_hash_idx" ON "registry_parked_event"("voucher_code_hash");
