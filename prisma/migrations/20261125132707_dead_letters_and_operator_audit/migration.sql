-- CreateTable
CREATE TABLE "registry_dead_letter" (
    "id" BIGSERIAL NOT NULL,
    "reason_class" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "event_id" UUID,
    "event_type" TEXT,
    "voucher_code_hash" TEXT,
    "voucher_code_masked" TEXT,
    "source_topic" TEXT NOT NULL,
    "source_partition" INTEGER NOT NULL,
    "source_offset" BIGINT NOT NULL,
    "parked_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'parked',
    "resolved_at" TIMESTAMPTZ(3),
    "resolution" TEXT,

    CONSTRAINT "registry_dead_letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operator_audit" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "api_key_id" UUID NOT NULL,
    "api_key_label" TEXT,
    "action" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "target" JSONB NOT NULL,
    "outcome" JSONB NOT NULL,

    CONSTRAINT "operator_audit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "registry_dead_letter_status_parked_at_idx" ON "registry_dead_letter"("status", "parked_at");

-- CreateIndex
CREATE UNIQUE INDEX "registry_dead_letter_source_topic_source_partition_source_o_key" ON "registry_dead_letter"("source_topic", "source_partition", "source_offset");

-- CreateIndex
CREATE INDEX "operator_audit_at_idx" ON "operator_audit"("at");
